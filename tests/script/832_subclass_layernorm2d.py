# ConvNeXt/timm's LayerNorm2d: a LayerNorm subclass whose forward permutes to channels-last,
# calls super().forward and permutes back; the inherited attributes, an init function
# dispatching with isinstance, a subclass adding its own parameter after the layer's.
import torch
import torch.nn as nn


class LayerNorm2d(nn.LayerNorm):
    def __init__(self, num_channels, eps=1e-6, affine=True):
        super().__init__(num_channels, eps=eps, elementwise_affine=affine)

    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = super().forward(x)
        x = x.permute(0, 3, 1, 2)
        return x


class ScaledNorm(nn.LayerNorm):
    def __init__(self, dim):
        super().__init__(dim)
        self.gamma = nn.Parameter(torch.full((dim,), 0.5))
        self.tag = "scaled"

    def forward(self, x):
        return super().forward(x) * self.gamma

    def extra_repr(self):
        return super().extra_repr() + ", tag=" + self.tag


def init_weights(m):
    if isinstance(m, nn.LayerNorm):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.constant_(m.bias, 0.1)


torch.manual_seed(0)
ln = LayerNorm2d(4)
print(ln, ln.normalized_shape, ln.eps, ln.elementwise_affine)
s = ScaledNorm(4)
print(s)
print([n for n, _ in s.named_parameters()], list(s.state_dict().keys()))
ln.apply(init_weights)
s.apply(init_weights)
print(ln.weight.tolist(), s.weight[0].item(), s.gamma.tolist())
x = torch.randn(2, 4, 3, 3)
y = ln(x)
print(tuple(y.shape), round(y.sum().item(), 5), round(y[0, 1, 2, 0].item(), 6))
z = s(torch.randn(3, 4))
print(round(z.sum().item(), 5))
z.sum().backward()
print([round(g, 5) for g in s.gamma.grad.tolist()])

# CPython 3.11 printed:
# expect: LayerNorm2d((4,), eps=1e-06, elementwise_affine=True) (4,) 1e-06 True
# expect: ScaledNorm((4,), eps=1e-05, elementwise_affine=True, tag=scaled)
# expect: ['weight', 'bias', 'gamma'] ['weight', 'bias', 'gamma']
# expect: [1.0308198928833008, 0.9941314458847046, 0.9564242362976074, 1.0113686323165894] 0.9783095717430115 [0.5, 0.5, 0.5, 0.5]
# expect: (2, 4, 3, 3) 7.14024 -1.078952
# expect: 0.6294
# expect: [-1.68027, 0.42041, 1.86501, 0.65364]
