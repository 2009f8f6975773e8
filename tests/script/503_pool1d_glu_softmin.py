# MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, GLU, Softmin, Unflatten: reprs, values, shapes, grad_fn.
import torch
import torch.nn as nn
import torch.nn.functional as F

for m in [nn.MaxPool1d(3), nn.MaxPool1d(2, stride=1, padding=1, ceil_mode=True), nn.AvgPool1d(3),
          nn.AvgPool1d(4, stride=2, padding=2, count_include_pad=False), nn.AdaptiveAvgPool1d(5),
          nn.GLU(), nn.GLU(dim=1), nn.Softmin(dim=1), nn.Softmin(), nn.Unflatten(1, (2, 5)),
          nn.Unflatten(-1, [3, -1])]:
    print(m)
x = torch.arange(10.0).reshape(1, 1, 10)
print(nn.MaxPool1d(3)(x).tolist(), nn.MaxPool1d(2, stride=1, padding=1, ceil_mode=True)(x).shape)
print([round(v, 4) for v in nn.AvgPool1d(4, stride=2, padding=2, count_include_pad=False)(x).flatten().tolist()])
print([round(v, 4) for v in nn.AdaptiveAvgPool1d(4)(x).flatten().tolist()], nn.AvgPool1d(3)(torch.randn(2, 7)).shape)
g = torch.tensor([[1.0, -2.0, 0.5, 3.0]])
print([round(v, 4) for v in nn.GLU()(g).flatten().tolist()], [round(v, 4) for v in F.glu(g.t(), 0).flatten().tolist()])
print([round(v, 4) for v in nn.Softmin(dim=1)(g).flatten().tolist()])
print(nn.Unflatten(1, (2, 5))(torch.randn(3, 10)).shape, nn.Unflatten(-1, [3, -1])(torch.randn(2, 12)).shape)
a = torch.randn(2, 4, requires_grad=True)
print(type(nn.Unflatten(1, (2, 2))(a).grad_fn).__name__)
try:
    nn.GLU()(torch.randn(2, 5))
except RuntimeError as e:
    print(e)
print(nn.AdaptiveMaxPool2d((3, 2)), nn.AdaptiveMaxPool1d(4, return_indices=True), nn.AdaptiveMaxPool2d(1))
v, i = F.adaptive_max_pool2d(torch.arange(16.0).reshape(1, 1, 4, 4), 2, return_indices=True)
print(v.flatten().tolist(), i.flatten().tolist())
r = nn.AdaptiveMaxPool1d(3, return_indices=True)(torch.tensor([[[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]]]))
print(r[0].tolist(), r[1].tolist())
print(type(F.adaptive_max_pool2d(torch.randn(1, 2, 5, 5, requires_grad=True), 2).grad_fn).__name__)

# CPython 3.11 printed:
# expect: MaxPool1d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False)
# expect: MaxPool1d(kernel_size=2, stride=1, padding=1, dilation=1, ceil_mode=True)
# expect: AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))
# expect: AvgPool1d(kernel_size=(4,), stride=(2,), padding=(2,))
# expect: AdaptiveAvgPool1d(output_size=5)
# expect: GLU(dim=-1)
# expect: GLU(dim=1)
# expect: Softmin(dim=1)
# expect: Softmin(dim=None)
# expect: Unflatten(dim=1, unflattened_size=(2, 5))
# expect: Unflatten(dim=-1, unflattened_size=[3, -1])
# expect: [[[2.0, 5.0, 8.0]]] torch.Size([1, 1, 11])
# expect: [0.5, 1.5, 3.5, 5.5, 7.5, 8.5]
# expect: [1.0, 3.0, 6.0, 8.0] torch.Size([2, 2])
# expect: [0.6225, -1.9051] [0.6225, -1.9051]
# expect: [0.0437, 0.8783, 0.0721, 0.0059]
# expect: torch.Size([3, 2, 5]) torch.Size([2, 3, 4])
# expect: ViewBackward0
# expect: Halving dimension must be even, but dimension 1 is size 5
# expect: AdaptiveMaxPool2d(output_size=(3, 2)) AdaptiveMaxPool1d(output_size=4) AdaptiveMaxPool2d(output_size=1)
# expect: [5.0, 7.0, 13.0, 15.0] [5, 7, 13, 15]
# expect: [[[4.0, 5.0, 9.0]]] [[[2, 4, 5]]]
# expect: AdaptiveMaxPool2DBackward0
