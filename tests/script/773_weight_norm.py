# torch.nn.utils.weight_norm / remove_weight_norm against PyTorch 1.13: weight_g and weight_v
# replace weight (after the other parameters), g = ||v|| per output (dim=0), per last dim and
# over the whole tensor (dim=None); the pre-hook recomputes weight each forward; gradients
# reach g and v; built-in layers and a Python module; the hook's errors.
import torch
import torch.nn as nn
from torch.nn.utils import weight_norm, remove_weight_norm

torch.manual_seed(0)
lin = nn.Linear(4, 3)
w0 = lin.weight.detach().clone()
m = weight_norm(lin)
print(m)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()])
print(list(m.state_dict().keys()))
print([round(v, 6) for v in m.weight_g.flatten().tolist()])
print(torch.equal(m.weight_v, w0), m.weight_v.requires_grad, type(m.weight).__name__, m.weight.grad_fn is not None)
print(max(abs(a - b) for a, b in zip(m.weight.flatten().tolist(), w0.flatten().tolist())) < 1e-6)
x = torch.randn(5, 4)
with torch.no_grad():
    m.weight_g.mul_(2.0)
y = m(x)
print([round(v, 5) for v in y[0].tolist()])
(y * torch.arange(15.).view(5, 3)).sum().backward()
print([round(v, 5) for v in m.weight_g.grad.flatten().tolist()])
# (4 decimals: PyTorch's fused _weight_norm backward sums in another order; its 34.998253
# is one float32 ulp from initlab's and rounds the other way at 5.)
print([round(v, 4) for v in m.weight_v.grad[1].tolist()])
print([round(v, 5) for v in m.bias.grad.tolist()])
print(len(m._forward_pre_hooks), [n for n, _ in m.named_parameters()])

conv = weight_norm(nn.Conv2d(2, 3, 2), dim=None)
print(tuple(conv.weight_g.shape), round(conv.weight_g.item(), 6))
conv_last = weight_norm(nn.Conv1d(2, 3, 2), name='weight', dim=2)
print(tuple(conv_last.weight_g.shape), [round(v, 6) for v in conv_last.weight_g.flatten().tolist()])
print([round(v, 5) for v in conv_last(torch.randn(1, 2, 4)).flatten().tolist()])
net = nn.Sequential(weight_norm(nn.Linear(3, 2)), nn.ReLU())
print([n for n, _ in net.named_parameters()])
print([round(v, 5) for v in net(torch.ones(1, 3)).flatten().tolist()])
with torch.no_grad():
    out = m(x)
print(out.requires_grad, m.weight.requires_grad)


class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.tensor([[3.0, 4.0], [0.0, 2.0]]))

    def forward(self, x):
        return x @ self.weight.t()


s = weight_norm(Scale())
print(s.weight_g.flatten().tolist(), s(torch.tensor([[1.0, 1.0]])).tolist())

remove_weight_norm(m)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()], len(m._forward_pre_hooks))
print([round(v, 5) for v in m(x)[0].tolist()])
for f in (lambda: weight_norm(weight_norm(nn.Linear(2, 2))), lambda: remove_weight_norm(nn.Linear(2, 2))):
    try:
        f()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# A state_dict round trip, and the model the run probes (# run: forward): the probe and the
# theory read a weight-normed layer's recomputed weight from its slot.
# run: forward
model = nn.Sequential(weight_norm(nn.Linear(4, 3)), nn.ReLU(), nn.Linear(3, 2))
copy_ = nn.Sequential(weight_norm(nn.Linear(4, 3)), nn.ReLU(), nn.Linear(3, 2))
copy_.load_state_dict(model.state_dict())
print(list(model.state_dict().keys()), torch.equal(copy_(x), model(x)))

# CPython 3.11 printed:
# expect: Linear(in_features=4, out_features=3, bias=True)
# expect: [('bias', (3,)), ('weight_g', (3, 1)), ('weight_v', (3, 4))]
# expect: ['bias', 'weight_g', 'weight_v']
# expect: [0.613766, 0.460792, 0.227962]
# expect: True True Tensor True
# expect: True
# expect: [-0.23086, -0.5385, -0.23836]
# expect: [10.04111, -8.26797, 13.41183]
# expect: [-37.2503, 44.3427, 34.9983, -32.217]
# expect: [30.0, 35.0, 40.0]
# expect: 1 ['bias', 'weight_g', 'weight_v']
# expect: () 1.009804
# expect: (1, 1, 2) [0.645203, 0.831355]
# expect: [-0.6981, 2.2067, -0.72732, 0.00254, -0.5846, 1.48477, 1.11209, -0.99198, 1.264]
# expect: ['0.bias', '0.weight_g', '0.weight_v']
# expect: [0.0, 0.42449]
# expect: False False
# expect: [5.0, 2.0] [[7.0, 2.0]]
# expect: [('bias', (3,)), ('weight', (3, 4))] 0
# expect: [-0.23086, -0.5385, -0.23836]
# expect: RuntimeError: Cannot register two weight_norm hooks on the same parameter weight
# expect: ValueError: weight_norm of 'weight' not found in Linear(in_features=2, out_features=2, bias=True)
# expect: ['0.bias', '0.weight_g', '0.weight_v', '2.weight', '2.bias'] True
