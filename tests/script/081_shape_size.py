import torch

x = torch.zeros(64, 10)
print(x.shape)  # expect: torch.Size([64, 10])
print(x.size(), x.size(1), x.size(-2), x.shape[0])  # expect: torch.Size([64, 10]) 10 64 64
print(x.dim(), x.numel(), len(x))  # expect: 2 640 64
n, c = x.shape
print(n * c, list(x.shape), tuple(x.size()))  # expect: 640 [64, 10] (64, 10)
img = torch.ones(8, 3, 28, 28)
print(img.shape[1:], img.shape == (8, 3, 28, 28))  # expect: torch.Size([3, 28, 28]) True
print(img.ndim, img.dtype)  # expect: 4 torch.float32
