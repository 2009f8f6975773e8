import torch

x = torch.arange(12.).view(3, 4)
print(x[0])  # expect: tensor([0., 1., 2., 3.])
print(x[:, 0])  # expect: tensor([0., 4., 8.])
print(x[1:3])
# expect: tensor([[ 4.,  5.,  6.,  7.],
# expect:         [ 8.,  9., 10., 11.]])
print(x[-1, -1], x[2][1].item())  # expect: tensor(11.) 9.0
print(x[:, 1:3].shape, x[::2].shape, x[0, ::2])  # expect: torch.Size([3, 2]) torch.Size([2, 4]) tensor([0., 2.])
print(x[1:, :2])
# expect: tensor([[4., 5.],
# expect:         [8., 9.]])
