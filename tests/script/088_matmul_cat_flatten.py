import torch

a = torch.arange(6.).view(2, 3)
b = torch.ones(3, 2)
print(a @ b)
# expect: tensor([[ 3.,  3.],
# expect:         [12., 12.]])
print(torch.matmul(a, b).shape, (a @ torch.ones(3)).tolist())  # expect: torch.Size([2, 2]) [3.0, 12.0]
print(torch.cat([a, a], dim=0).shape, torch.cat((a, b.t()), 1).shape)  # expect: torch.Size([4, 3]) torch.Size([2, 6])
print(torch.cat([torch.zeros(2), torch.ones(1)]))  # expect: tensor([0., 0., 1.])
x = torch.ones(4, 2, 3, 3)
print(torch.flatten(x).shape, torch.flatten(x, 1).shape, x.flatten(2).shape)  # expect: torch.Size([72]) torch.Size([4, 18]) torch.Size([4, 2, 9])
