# nn.LocalResponseNorm / F.local_response_norm against PyTorch 1.13: repr, forward on 3-D,
# 4-D and 5-D inputs (PyTorch's avg-pool formulation, even and odd sizes), gradients, errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

print(nn.LocalResponseNorm(2), nn.LocalResponseNorm(3, 1e-3, 0.5, 2))
lrn = nn.LocalResponseNorm(3, alpha=0.5, beta=0.75, k=1.0)
print(lrn.size, lrn.alpha, lrn.beta, lrn.k, list(lrn.parameters()))

torch.manual_seed(0)
x = torch.randn(2, 5, 4, requires_grad=True)
y = lrn(x)
print([round(v, 5) for v in y[1, :, 2].tolist()])
(y * torch.arange(40.).view(2, 5, 4)).sum().backward()
print([round(v, 5) for v in x.grad[0, :, 1].tolist()])

img = torch.randn(2, 6, 3, 3, requires_grad=True)
z = F.local_response_norm(img, 4, alpha=1.0, beta=0.5, k=2.0)
print(tuple(z.shape), [round(v, 5) for v in z[1, :, 2, 0].tolist()])
z.pow(2).sum().backward()
print([round(v, 5) for v in img.grad[0, :, 1, 1].tolist()])

vol = torch.randn(1, 4, 2, 3, 2)
print([round(v, 5) for v in nn.LocalResponseNorm(2, alpha=2.0)(vol)[0, :, 1, 2, 1].tolist()])
print(F.local_response_norm(torch.zeros(0, 3, 2), 2).shape)

try:
    F.local_response_norm(torch.randn(3, 4), 2)
except ValueError as e:
    print(e)

# CPython 3.11 printed:
# expect: LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0) LocalResponseNorm(3, alpha=0.001, beta=0.5, k=2)
# expect: 3 0.5 0.75 1.0 []
# expect: [-0.32397, 0.48508, 0.71393, -0.7712, -1.0827]
# expect: [1.06553, 4.28595, 6.75506, 11.1947, 8.61187]
# expect: (2, 6, 3, 3) [0.52895, -0.42888, -0.46327, 0.62077, -0.18178, 0.68909]
# expect: [0.484, -0.13045, -0.62364, 0.23712, -0.62403, 0.54482]
# expect: [-0.61442, -0.22827, -0.58161, 0.16142]
# expect: torch.Size([0, 3, 2])
# expect: Expected 3D or higher dimensionality                          input (got 2 dimensions)
