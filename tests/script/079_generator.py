import torch

g = torch.Generator()
g.manual_seed(7)
a = torch.randn(3, generator=g)
print(a)  # expect: tensor([-0.1468,  0.7861,  0.9468])
g.manual_seed(7)
b = torch.randn(3, generator=g)
print(torch.equal(a, b))  # expect: True
w = torch.empty(2, 3)
g2 = torch.Generator().manual_seed(1)
w.uniform_(-1.0, 1.0, generator=g2)
print(w)
# expect: tensor([[ 0.5153, -0.4414, -0.1939],
# expect:         [ 0.4694, -0.9414,  0.5997]])
torch.manual_seed(7)
print(torch.equal(torch.randn(3), a))  # expect: True
