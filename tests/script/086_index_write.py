import torch

w = torch.zeros(2, 3)
w[0][1] = 5.0
w[1, 2] = -1.5
w[:, 0] = 7.0
print(w)
# expect: tensor([[ 7.0000,  5.0000,  0.0000],
# expect:         [ 7.0000,  0.0000, -1.5000]])
v = torch.ones(4)
v[1:3] = 0.0
v[-1] += 2.0
print(v)  # expect: tensor([1., 0., 0., 3.])
row = w[1]
row[1] = 9.0
print(w[1])  # expect: tensor([ 7.0000,  9.0000, -1.5000])
