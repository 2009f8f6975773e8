# initlab.init.fixup_ (Zhang, Dauphin & Ma 2019) against a reference written with torch ops, as
# the Fixup authors' ResNet code draws it: in CPython (where initlab is missing) the reference
# runs, in initlab its own helper; both must print the same weights.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

try:
    from initlab.init import fixup_
except ImportError:
    def fixup_(branches, classifier=None):
        branches = [list(b) for b in branches]
        L = len(branches)
        with torch.no_grad():
            for branch in branches:
                m = len(branch)
                for k, layer in enumerate(branch):
                    if k == m - 1:
                        nn.init.constant_(layer.weight, 0)
                    else:
                        w = layer.weight
                        fan_out = w.shape[0] * math.prod(w.shape[2:])
                        nn.init.normal_(w, mean=0, std=math.sqrt(2 / fan_out) * L ** (-1 / (2 * m - 2)))
                    if layer.bias is not None:
                        nn.init.constant_(layer.bias, 0)
            if classifier is not None:
                nn.init.constant_(classifier.weight, 0)
                nn.init.constant_(classifier.bias, 0)
        return L


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return F.relu(x + self.conv2(F.relu(self.conv1(x))) + self.bias)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, padding=1)
        self.blocks = nn.Sequential(*[Block(8) for _ in range(4)])
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        h = self.blocks(self.stem(x))
        return self.fc(h.mean((2, 3)))


torch.manual_seed(0)
model = Net()
print(fixup_([[b.conv1, b.conv2] for b in model.blocks], classifier=model.fc))
for name, p in model.named_parameters():
    flat = p.detach().reshape(-1)
    print(name, tuple(p.shape), flat[::97].tolist()[:6], float(flat.abs().max()))
x = torch.randn(2, 3, 6, 6)
print(model(x).abs().max().item())
# A Linear residual MLP with biases, branches of three layers.
mlp = [nn.Linear(16, 16) for _ in range(6)]
print(fixup_([mlp[0:3], mlp[3:6]]))
print([round(float(l.weight.std()), 4) for l in mlp], [float(l.bias.abs().max()) for l in mlp])
print(mlp[0].weight[0, :4].tolist(), mlp[4].weight[3, :4].tolist())

# CPython 3.11 printed:
# expect: 4
# expect: stem.weight (8, 3, 3, 3) [-0.0014408392598852515, 0.0402800627052784, -0.13566464185714722] 0.19197434186935425
# expect: stem.bias (8,) [-0.150535449385643] 0.1903790831565857
# expect: blocks.0.bias (1,) [0.0] 0.0
# expect: blocks.0.conv1.weight (8, 8, 3, 3) [-0.03755181282758713, -0.03783733397722244, -0.05780666321516037, 0.12826743721961975, 0.07844913005828857, -0.010408748872578144] 0.25951075553894043
# expect: blocks.0.conv2.weight (8, 8, 3, 3) [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] 0.0
# expect: blocks.1.bias (1,) [0.0] 0.0
# expect: blocks.1.conv1.weight (8, 8, 3, 3) [0.09041900932788849, -0.016814157366752625, -0.01374789234250784, -0.06210736557841301, 0.08451822400093079, 0.03214876353740692] 0.25652259588241577
# expect: blocks.1.conv2.weight (8, 8, 3, 3) [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] 0.0
# expect: blocks.2.bias (1,) [0.0] 0.0
# expect: blocks.2.conv1.weight (8, 8, 3, 3) [-0.03706752508878708, -0.06894447654485703, 0.12714612483978271, 0.010966951958835125, -0.016647757962346077, -0.0026486068964004517] 0.31215617060661316
# expect: blocks.2.conv2.weight (8, 8, 3, 3) [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] 0.0
# expect: blocks.3.bias (1,) [0.0] 0.0
# expect: blocks.3.conv1.weight (8, 8, 3, 3) [0.15383338928222656, 0.07119382172822952, -0.007338672876358032, 0.1390973925590515, 0.049797557294368744, -0.06069297716021538] 0.2721574604511261
# expect: blocks.3.conv2.weight (8, 8, 3, 3) [0.0, 0.0, 0.0, 0.0, 0.0, 0.0] 0.0
# expect: fc.weight (10, 8) [0.0] 0.0
# expect: fc.bias (10,) [0.0] 0.0
# expect: 0.0
# expect: 2
# expect: [0.2923, 0.2783, 0.0, 0.2765, 0.2739, 0.0] [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
# expect: [-0.20066086947917938, 0.2693460285663605, -0.46947550773620605, -0.1134033054113388] [0.42215442657470703, 0.04417114704847336, 0.7109233736991882, -0.35149383544921875]
