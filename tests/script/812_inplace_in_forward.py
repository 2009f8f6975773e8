# In-place ops inside a model's forward, then backward, against PyTorch 1.13: x.sub_(mean)
# and clamp_ on a Linear output, F.relu(inplace=True), nn.ReLU(inplace=True) after BatchNorm
# and Conv2d, out += identity; gradients of every parameter.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def r(t):
    return [round(v, 4) for v in t.flatten().tolist()[:6]]


class Centered(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.out = nn.Linear(3, 1)

    def forward(self, inp):
        x = self.fc(inp)
        x.sub_(x.mean())
        x.clamp_(min=0)
        x.mul_(2)
        return self.out(x)


m = Centered()
loss = m(torch.randn(5, 4)).pow(2).mean()
loss.backward()
print(round(loss.item(), 5))
for n, p in m.named_parameters():
    print(n, r(p.grad))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 3, 3, padding=1)
        self.bn = nn.BatchNorm2d(3)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(3, 3, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(3)

    def forward(self, x):
        out = self.relu(self.bn(self.conv(x)))
        identity = out
        out = self.bn2(self.conv2(out))
        out += identity
        out = F.relu(out, inplace=True)
        return out


b = Block()
y = b(torch.randn(2, 2, 4, 4))
print(type(y.grad_fn).__name__)
y.pow(2).sum().backward()
# (Gradients of about 30 summed over a batch: float32 sums agree to 2 decimals; the conv biases
# feed a BatchNorm, so their gradients are zero up to rounding.)
for n, p in b.named_parameters():
    if n.startswith("conv") and n.endswith("bias"):
        print(n, p.grad.abs().max().item() < 1e-4)
    else:
        print(n, [round(v, 2) for v in p.grad.flatten().tolist()[:6]])

x = torch.randn(3, 4, requires_grad=True)
h = x * 2
g = F.relu(h, inplace=True)
print(g is h, type(h.grad_fn).__name__)
h.sum().backward()
print(r(x.grad))

# CPython 3.11 printed:
# expect: 0.08165
# expect: fc.weight [0.0005, 0.0124, -0.0469, -0.0141, -0.0169, 0.025]
# expect: fc.bias [0.0716, 0.0235, -0.0951]
# expect: out.weight [-0.2064, -0.0386, -0.103]
# expect: out.bias [-0.5422]
# expect: ReluBackward0
# expect: conv.weight [-7.82, 7.95, 9.41, -4.31, -7.95, 12.39]
# expect: conv.bias True
# expect: bn.weight [29.98, 24.83, 22.59]
# expect: bn.bias [29.45, 32.91, 19.69]
# expect: conv2.weight [20.77, 28.51, 3.98, 4.66, 72.24, 9.81]
# expect: conv2.bias True
# expect: bn2.weight [30.2, 37.98, 34.14]
# expect: bn2.bias [42.96, 43.16, 39.14]
# expect: True ReluBackward0
# expect: [0.0, 0.0, 0.0, 2.0, 0.0, 2.0]
