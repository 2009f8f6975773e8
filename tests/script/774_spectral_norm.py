# torch.nn.utils.spectral_norm / remove_spectral_norm against PyTorch 1.13: weight_orig,
# the u and v buffers drawn from the generator (u first) and normalized, the power iteration
# updating them in training mode only, weight = weight_orig / sigma, gradients, dim=1 for
# ConvTranspose, n_power_iterations, remove, and the errors.
import torch
import torch.nn as nn
from torch.nn.utils import spectral_norm, remove_spectral_norm

torch.manual_seed(0)
m = spectral_norm(nn.Linear(5, 3))
print(m)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()], [(n, tuple(b.shape)) for n, b in m.named_buffers()])
print(list(m.state_dict().keys()))
print([round(x, 5) for x in m.weight_u.tolist()], [round(x, 5) for x in m.weight_v.tolist()])
print(torch.equal(m.weight, m.weight_orig), type(m.weight).__name__, m.weight.requires_grad)
x = torch.randn(4, 5)
y = m(x)
print([round(v, 5) for v in y[0].tolist()])
print([round(v, 5) for v in m.weight_u.tolist()], [round(v, 5) for v in m.weight_v.tolist()])
print([round(v, 5) for v in m.weight[1].tolist()])
(y * torch.arange(12.).view(4, 3)).sum().backward()
print([round(v, 4) for v in m.weight_orig.grad[2].tolist()], [round(v, 4) for v in m.bias.grad.tolist()])
u_before = m.weight_u.clone()
m.eval()
y_eval = m(x)
print(torch.equal(u_before, m.weight_u), [round(v, 5) for v in y_eval[3].tolist()])
m.train()
for _ in range(20):
    m(x)
print(round((m.weight_u * (m.weight_orig @ m.weight_v)).sum().item(), 4))

conv = spectral_norm(nn.Conv2d(2, 4, 3), n_power_iterations=3)
print(tuple(conv.weight_u.shape), tuple(conv.weight_v.shape), [round(v, 5) for v in conv.weight_u.tolist()])
out = conv(torch.randn(1, 2, 4, 4))
print(tuple(out.shape), [round(v, 5) for v in out[0, :, 1, 1].tolist()])
up = spectral_norm(nn.ConvTranspose2d(3, 2, 2))
print(tuple(up.weight_u.shape), tuple(up.weight_v.shape))

remove_spectral_norm(m)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()], [n for n, _ in m.named_buffers()], len(m._forward_pre_hooks))
print([round(v, 5) for v in m(x)[0].tolist()])
for f in (lambda: spectral_norm(spectral_norm(nn.Linear(2, 2))), lambda: remove_spectral_norm(nn.Linear(2, 2)),
          lambda: spectral_norm(nn.Linear(2, 2), n_power_iterations=0), lambda: spectral_norm(nn.Linear(2, 2, bias=False), name='bias')):
    try:
        f()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# CPython 3.11 printed:
# expect: Linear(in_features=5, out_features=3, bias=True)
# expect: [('bias', (3,)), ('weight_orig', (3, 5))] [('weight_u', (3,)), ('weight_v', (5,))]
# expect: ['bias', 'weight_orig', 'weight_u', 'weight_v']
# expect: [-0.22252, 0.90833, 0.35415] [0.47948, -0.472, -0.454, -0.54417, 0.21229]
# expect: True Tensor False
# expect: [-0.35299, 0.42372, -0.17377]
# expect: [-0.57894, 0.59539, -0.55708] [0.20919, -0.31327, 0.85517, -0.22914, 0.27255]
# expect: [0.19171, -0.01416, 0.56685, -0.06344, 0.18918]
# expect: [10.6409, 14.2657, 30.6005, -42.4631, -17.2514] [18.0, 22.0, 26.0]
# expect: True [1.12071, -0.00838, 1.34074]
# expect: 0.8311
# expect: (4,) (18,) [-0.03827, -0.22875, -0.04028, 0.9719]
# expect: (1, 4, 2, 2) [0.20619, 0.77422, -0.22984, -0.11464]
# expect: (2,) (12,)
# expect: [('bias', (3,)), ('weight', (3, 5))] [] 0
# expect: [-0.26157, 0.36264, -0.06441]
# expect: RuntimeError: Cannot register two spectral_norm hooks on the same parameter weight
# expect: ValueError: spectral_norm of 'weight' not found in Linear(in_features=2, out_features=2, bias=True)
# expect: ValueError: Expected n_power_iterations to be positive, but got n_power_iterations=0
# expect: ValueError: `SpectralNorm` cannot be applied as parameter `bias` is None
