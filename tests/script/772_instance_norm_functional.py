# F.instance_norm against PyTorch 1.13: input statistics with and without weight and bias,
# running statistics updated (averaged over the images) and used with use_input_stats=False,
# gradients, agreement with nn.InstanceNorm2d, and PyTorch's errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 5, requires_grad=True)
w = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.instance_norm(x)
print([round(v, 5) for v in y[1, 2].tolist()])
y2 = F.instance_norm(x, weight=w, bias=b, eps=1e-3)
print([round(v, 5) for v in y2[0, 1].tolist()])
(y2 * torch.arange(30.).view(2, 3, 5)).sum().backward()
print([round(v, 5) for v in x.grad[1, 0].tolist()])
print([round(v, 5) for v in w.grad.tolist()], [round(v, 5) for v in b.grad.tolist()])

rm = torch.zeros(3)
rv = torch.ones(3)
F.instance_norm(x.detach(), rm, rv, momentum=0.3)
print([round(v, 6) for v in rm.tolist()], [round(v, 6) for v in rv.tolist()])
out = F.instance_norm(x.detach(), rm, rv, w.detach(), b.detach(), use_input_stats=False)
print([round(v, 5) for v in out[0, 2].tolist()])
print([round(v, 6) for v in rm.tolist()])

img = torch.randn(2, 4, 3, 3)
m = nn.InstanceNorm2d(4, affine=True, track_running_stats=True)
with torch.no_grad():
    m.weight.normal_()
    m.bias.normal_()
ref = m(img)
rm2 = torch.zeros(4)
rv2 = torch.ones(4)
got = F.instance_norm(img, rm2, rv2, m.weight, m.bias, True, 0.1, 1e-5)
print(torch.equal(ref, got), torch.equal(rm2, m.running_mean), torch.equal(rv2, m.running_var))
print(tuple(F.instance_norm(torch.randn(2, 3, 4, 5, 2)).shape))


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(lambda: F.instance_norm(torch.randn(1, 3, 1)))
show(lambda: F.instance_norm(torch.randn(3, 4)))
show(lambda: F.instance_norm(torch.randn(2, 3, 4), use_input_stats=False))
show(lambda: F.instance_norm(torch.randn(2, 3, 4), torch.zeros(2), torch.ones(2)))
show(lambda: F.instance_norm(torch.randn(2, 3, 4), weight=torch.ones(2)))
show(lambda: F.instance_norm(torch.randn(2, 3, 4), bias=torch.ones(4)))
show(lambda: nn.InstanceNorm1d(3)(torch.randn(1, 3, 1)))

# CPython 3.11 printed:
# expect: [0.13006, -1.07934, -0.69691, -0.17123, 1.81742]
# expect: [-0.81262, -0.70862, -0.52299, -0.77448, -0.61088]
# expect: [4.64251, 0.69047, 0.7703, -3.26011, -2.84317]
# expect: [8.9768, -6.74702, 4.15717] [95.0, 145.0, 195.0]
# expect: [-0.091554, -0.161628, 0.157575] [0.819682, 1.080173, 0.890725]
# expect: [-1.7585, -1.70339, -1.45546, -2.92734, -1.10874]
# expect: [-0.091554, -0.161628, 0.157575]
# expect: True True True
# expect: (2, 3, 4, 5, 2)
# expect: ValueError: Expected more than 1 spatial element when training, got input size torch.Size([1, 3, 1])
# expect: ValueError: Expected more than 1 spatial element when training, got input size torch.Size([3, 4])
# expect: RuntimeError: Expected running_mean and running_var to be defined when use_input_stats is false
# expect: RuntimeError: running_mean should contain 6 elements not 4
# expect: RuntimeError: weight should contain 6 elements not 4
# expect: RuntimeError: bias should contain 6 elements not 8
# expect: ValueError: Expected more than 1 spatial element when training, got input size torch.Size([1, 3, 1])
