# Subclasses of nn.Sequential and nn.ModuleList (torchvision's Conv2dNormActivation idiom).
import torch
import torch.nn as nn
from collections import OrderedDict


class ConvBNReLU(nn.Sequential):
    def __init__(self, cin, cout, k=3):
        padding = (k - 1) // 2
        super().__init__(nn.Conv2d(cin, cout, k, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))
        self.out_channels = cout


class Named(nn.Sequential):
    def __init__(self):
        super().__init__(OrderedDict([("fc", nn.Linear(4, 2)), ("act", nn.Tanh())]))


class Blocks(nn.ModuleList):
    def __init__(self, n):
        super().__init__([nn.Linear(2, 2) for _ in range(n)])

    def forward(self, x):
        for layer in self:
            x = layer(x)
        return x


torch.manual_seed(0)
block = ConvBNReLU(1, 4)
print(block)
print(isinstance(block, nn.Sequential), isinstance(block, nn.Module), len(block), type(block[0]).__name__, block.out_channels)
y = block(torch.randn(2, 1, 5, 5))
print(y.shape, round(y.sum().item(), 3))
n = Named()
print(n, n.fc.out_features, round(n(torch.ones(1, 4)).sum().item(), 4))
b = Blocks(3)
b.append(nn.Linear(2, 1))
print(len(b), isinstance(b, nn.ModuleList), b(torch.ones(1, 2)).shape, [k for k, _ in b.named_children()])
print([name for name, _ in block.named_parameters()])

# CPython 3.11 printed:
# expect: ConvBNReLU(
# expect:   (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)
# expect:   (1): BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:   (2): ReLU(inplace=True)
# expect: )
# expect: True True 3 Conv2d 4
# expect: torch.Size([2, 4, 5, 5]) 80.396
# expect: Named(
# expect:   (fc): Linear(in_features=4, out_features=2, bias=True)
# expect:   (act): Tanh()
# expect: ) 2 -1.1707
# expect: 4 True torch.Size([1, 1]) ['0', '1', '2', '3']
# expect: ['0.weight', '1.weight', '1.bias']
