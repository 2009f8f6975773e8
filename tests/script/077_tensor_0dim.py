import torch

a = torch.tensor(3.5)
print(a)  # expect: tensor(3.5000)
print(a.dim(), a.shape, a.numel(), a.item())  # expect: 0 torch.Size([]) 1 3.5
print(torch.tensor(3))  # expect: tensor(3)
print(torch.tensor(2.0))  # expect: tensor(2.)
s = torch.arange(4.).sum()
print(s, s.item())  # expect: tensor(6.) 6.0
print(torch.tensor([1.0, 2.0]).mean())  # expect: tensor(1.5000)
print(torch.tensor(-0.00001))  # expect: tensor(-1.0000e-05)
