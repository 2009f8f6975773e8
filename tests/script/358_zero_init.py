# initlab.init.zero_ (ZerO, Zhao et al. 2021) against a reference written with torch ops: in
# CPython (where initlab is missing) the reference runs, in initlab its own helper; both must
# print the same weights.
import math

import torch
import torch.nn as nn

try:
    from initlab.init import zero_
except ImportError:
    def zero_(weight):
        out_f, in_f = weight.shape[0], weight.shape[1]
        if out_f <= in_f:
            mat = torch.eye(out_f, in_f)
        else:
            m = math.ceil(math.log2(out_f))
            size = 2 ** m
            h = torch.tensor([[(-1.0) ** bin(i & j).count("1") for j in range(size)] for i in range(size)])
            mat = h[:out_f, :in_f] * 2 ** (-(m - 1) / 2)
        with torch.no_grad():
            if weight.dim() == 2:
                weight.copy_(mat)
            else:
                weight.zero_()
                weight[:, :, weight.shape[2] // 2, weight.shape[3] // 2] = mat
        return weight


torch.manual_seed(0)
square = nn.Linear(4, 4)
shrink = nn.Linear(5, 3)
grow = nn.Linear(3, 6)
grow8 = nn.Linear(2, 8)
conv = nn.Conv2d(2, 3, 3)
for layer in (square, shrink, grow, grow8, conv):
    zero_(layer.weight)
print(square.weight.tolist())
print(shrink.weight.tolist())
print(grow.weight.tolist())
print(grow8.weight.tolist())
print(conv.weight[:, :, 1, 1].tolist(), conv.weight.abs().sum().item())
# A ZerO net is the identity on its first units at init: the input passes through unchanged.
net = nn.Sequential(nn.Linear(4, 4, bias=False), nn.ReLU(), nn.Linear(4, 4, bias=False))
for m in net:
    if isinstance(m, nn.Linear):
        zero_(m.weight)
x = torch.rand(2, 4)
print(torch.equal(net(x), x))

# CPython 3.11 printed:
# expect: [[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]
# expect: [[1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0]]
# expect: [[0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.5, 0.5, -0.5], [0.5, -0.5, -0.5], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5]]
# expect: [[0.5, 0.5], [0.5, -0.5], [0.5, 0.5], [0.5, -0.5], [0.5, 0.5], [0.5, -0.5], [0.5, 0.5], [0.5, -0.5]]
# expect: [[0.7071067690849304, 0.7071067690849304], [0.7071067690849304, -0.7071067690849304], [0.7071067690849304, 0.7071067690849304]] 4.242640495300293
# expect: True
