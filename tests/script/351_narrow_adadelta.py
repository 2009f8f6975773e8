# x.narrow / torch.narrow are slicing views (SliceBackward0); torch.optim.Adadelta steps as
# PyTorch 1.13's single-tensor loop does, weight decay included, bit for bit.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.arange(20.0).view(4, 5)
print(x.narrow(0, 1, 2).tolist(), torch.narrow(x, 1, -2, 2).tolist(), x.narrow(0, 4, 0).shape)
y = x.narrow(1, 1, 3)
y.mul_(-1)
print(x[0].tolist(), y.is_contiguous(), y.stride())
for args in [(0, 3, 2), (2, 0, 1), (0, -5, 1), (0, 1, -1)]:
    try:
        x.narrow(*args)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
w = torch.randn(3, 4, requires_grad=True)
n = w.narrow(1, 1, 2)
print(n.grad_fn.name())
n.sum().backward()
print(w.grad.tolist())

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
opt = torch.optim.Adadelta(model.parameters(), lr=0.5, rho=0.8, weight_decay=0.01)
print(opt)
data = torch.randn(6, 4)
target = torch.randn(6, 2)
for step in range(4):
    opt.zero_grad()
    loss = F.mse_loss(model(data), target)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}")  # loss bits: summation order differs (README)
print([repr(v) for v in model[2].weight.flatten().tolist()])
print([repr(v) for v in model[0].bias.tolist()])
for bad in [dict(lr=-1.0), dict(rho=1.5), dict(eps=-1e-3), dict(weight_decay=-2)]:
    try:
        torch.optim.Adadelta(model.parameters(), **bad)
    except ValueError as e:
        print(e)

# PyTorch 1.13 printed:
# expect: [[5.0, 6.0, 7.0, 8.0, 9.0], [10.0, 11.0, 12.0, 13.0, 14.0]] [[3.0, 4.0], [8.0, 9.0], [13.0, 14.0], [18.0, 19.0]] torch.Size([0, 5])
# expect: [0.0, -1.0, -2.0, -3.0, 4.0] False (5, 1)
# expect: RuntimeError start (3) + length (2) exceeds dimension size (4).
# expect: IndexError Dimension out of range (expected to be in range of [-2, 1], but got 2)
# expect: IndexError Dimension out of range (expected to be in range of [-4, 3], but got -5)
# expect: RuntimeError start (1) + length (-1) exceeds dimension size (4).
# expect: SliceBackward0
# expect: [[0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]]
# expect: Adadelta (
# expect: Parameter Group 0
# expect:     eps: 1e-06
# expect:     foreach: None
# expect:     lr: 0.5
# expect:     maximize: False
# expect:     rho: 0.8
# expect:     weight_decay: 0.01
# expect: )
# expect: 0 0.903693
# expect: 1 0.901384
# expect: 2 0.898977
# expect: 3 0.896514
# expect: ['0.02612445503473282', '0.22352728247642517', '0.35118210315704346', '-0.3867064416408539', '-0.24666866660118103', '0.21445254981517792']
# expect: ['-0.47294512391090393', '-0.3358742594718933', '-0.21083922684192657']
# expect: Invalid learning rate: -1.0
# expect: Invalid rho value: 1.5
# expect: Invalid epsilon value: -0.001
# expect: Invalid weight_decay value: -2
