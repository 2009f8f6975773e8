# timm's Conv2dSame: a Conv2d subclass whose forward pads to "same" and calls F.conv2d with the
# layer's own weight, bias, stride, padding, dilation and groups; inside a Sequential, with
# gradients, the repr, state_dict and its default init drawn as nn.Conv2d's.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


def get_same_padding(x: int, k: int, s: int, d: int):
    return max((math.ceil(x / s) - 1) * s + (k - 1) * d + 1 - x, 0)


def pad_same(x, k, s, d=(1, 1), value=0):
    ih, iw = x.size()[-2:]
    pad_h, pad_w = get_same_padding(ih, k[0], s[0], d[0]), get_same_padding(iw, k[1], s[1], d[1])
    if pad_h > 0 or pad_w > 0:
        x = F.pad(x, [pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2], value=value)
    return x


def conv2d_same(x, weight, bias=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1):
    x = pad_same(x, weight.shape[-2:], stride, dilation)
    return F.conv2d(x, weight, bias, stride, (0, 0), dilation, groups)


class Conv2dSame(nn.Conv2d):
    """ Tensorflow like 'SAME' convolution wrapper for 2D convolutions"""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1,
                 padding=0, dilation=1, groups=1, bias=True):
        super(Conv2dSame, self).__init__(
            in_channels, out_channels, kernel_size, stride, 0, dilation, groups, bias)

    def forward(self, x):
        return conv2d_same(x, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


torch.manual_seed(0)
net = nn.Sequential(Conv2dSame(3, 4, 3, stride=2), nn.ReLU(), Conv2dSame(4, 2, 5, groups=2))
print(net)
print(net[0].stride, net[0].padding, net[0].kernel_size, net[2].groups)
print(list(net.state_dict().keys()))
print(net[0].weight[0, 0].tolist(), net[2].bias.tolist())
x = torch.randn(2, 3, 7, 9)
y = net(x)
print(tuple(y.shape), round(y.sum().item(), 5), round(y[1, 0, 2, 3].item(), 6))
y.pow(2).mean().backward()
print(round(net[0].weight.grad.sum().item(), 6), [round(g, 6) for g in net[2].bias.grad.tolist()])
print(isinstance(net[0], nn.Conv2d), type(net[0]))

# CPython 3.11 printed:
# expect: Sequential(
# expect:   (0): Conv2dSame(3, 4, kernel_size=(3, 3), stride=(2, 2))
# expect:   (1): ReLU()
# expect:   (2): Conv2dSame(4, 2, kernel_size=(5, 5), stride=(1, 1), groups=2)
# expect: )
# expect: (2, 2) (0, 0) (3, 3) 2
# expect: ['0.weight', '0.bias', '2.weight', '2.bias']
# expect: [[-0.0014408392598852515, 0.10323861986398697, -0.15839511156082153], [-0.14163152873516083, -0.07412299513816833, 0.051606908440589905], [-0.0038130483590066433, 0.15259164571762085, -0.01707880012691021]] [0.01774362102150917, -0.032292816787958145]
# expect: (2, 2, 4, 5) -7.6803 -0.019048
# expect: 0.002279 [-0.106914, -0.085093]
# expect: True <class '__main__.Conv2dSame'>
