import torch

a = torch.arange(6.).view(2, 3)
print(a)
# expect: tensor([[0., 1., 2.],
# expect:         [3., 4., 5.]])
print(a.t())
# expect: tensor([[0., 3.],
# expect:         [1., 4.],
# expect:         [2., 5.]])
print(a.view(-1, 2).shape, a.reshape(3, -1).shape, a.view(-1).shape)  # expect: torch.Size([3, 2]) torch.Size([3, 2]) torch.Size([6])
b = a.clone()
b[0, 0] = 100.0
v = a.view(6)
v[1] = -1.0
print(a[0], b[0])  # expect: tensor([ 0., -1.,  2.]) tensor([100.,   1.,   2.])
print(a.t().reshape(6))  # expect: tensor([ 0.,  3., -1.,  4.,  2.,  5.])
print(torch.ones(4, 2, 3).view(4, -1).shape)  # expect: torch.Size([4, 6])
