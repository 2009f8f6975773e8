import torch

w = torch.empty(2, 3)
w.fill_(0.5)
print(w)
# expect: tensor([[0.5000, 0.5000, 0.5000],
# expect:         [0.5000, 0.5000, 0.5000]])
w.zero_()
print(w.sum().item())  # expect: 0.0
torch.manual_seed(0)
w.normal_()
print(w)
# expect: tensor([[ 1.5410, -0.2934, -2.1788],
# expect:         [ 0.5684, -1.0845, -1.3986]])
torch.manual_seed(0)
w.normal_(2.0, 0.5)
print(w)
# expect: tensor([[2.7705, 1.8533, 0.9106],
# expect:         [2.2842, 1.4577, 1.3007]])
torch.manual_seed(0)
u = torch.empty(4).uniform_(-1, 1)
print(u)  # expect: tensor([-0.0075,  0.5364, -0.8230, -0.7359])
src = torch.arange(6.).view(2, 3)
r = w.copy_(src)
print(w, r is w)
# expect: tensor([[0., 1., 2.],
# expect:         [3., 4., 5.]]) True
