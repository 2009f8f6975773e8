# initlab.init.ReZero (Bachlechner et al. 2020) and SkipInit (De & Smith 2020) against
# reference modules written with torch ops: a residual block x + alpha * branch(x) whose scalar
# alpha starts at 0 (SkipInit: or a given constant). CPython runs the references, initlab its
# own helpers; both print the same.
import torch
import torch.nn as nn

try:
    from initlab.init import ReZero, SkipInit
except ImportError:
    class ReZero(nn.Module):
        def __init__(self, branch):
            super().__init__()
            self.branch = branch
            self.alpha = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return x + self.alpha * self.branch(x)

    class SkipInit(nn.Module):
        def __init__(self, branch, alpha=0.0):
            super().__init__()
            self.branch = branch
            self.alpha = nn.Parameter(torch.full((1,), float(alpha)))

        def forward(self, x):
            return x + self.alpha * self.branch(x)


torch.manual_seed(0)
width = 12
model = nn.Sequential(*[ReZero(nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, width))) for _ in range(3)])
print(model[0])
print([n for n, _ in model.named_parameters()][:4], sum(p.numel() for p in model.parameters()))
x = torch.randn(5, width)
print(torch.equal(model(x), x))
with torch.no_grad():
    model[1].alpha.fill_(0.5)
y = model(x)
print(torch.equal(y, x), y.shape, round(float((y - x).abs().max()), 4))
skip = SkipInit(nn.Linear(width, width), alpha=0.25)
print(skip.alpha, skip.alpha.requires_grad)
print(torch.allclose(skip(x), x + 0.25 * skip.branch(x)))
print(SkipInit(nn.Identity()).alpha.item(), list(dict(skip.named_parameters()).keys()))

# CPython 3.11 printed:
# expect: ReZero(
# expect:   (branch): Sequential(
# expect:     (0): Linear(in_features=12, out_features=12, bias=True)
# expect:     (1): ReLU()
# expect:     (2): Linear(in_features=12, out_features=12, bias=True)
# expect:   )
# expect: )
# expect: ['0.alpha', '0.branch.0.weight', '0.branch.0.bias', '0.branch.2.weight'] 939
# expect: True
# expect: False torch.Size([5, 12]) 0.4289
# expect: Parameter containing:
# expect: tensor([0.2500], requires_grad=True) True
# expect: True
# expect: 0.0 ['alpha', 'branch.weight', 'branch.bias']
