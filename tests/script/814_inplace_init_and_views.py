# Version counters around nn.init and views with grad off, against PyTorch 1.13: an nn.init
# call between forward and backward invalidates the saved weight; writes through slices and
# transposed views with grad off (DCGAN-style weights_init) land in the base.
import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(3, 2)
x = torch.randn(4, 3, requires_grad=True)
out = lin(x)
v0 = lin.weight._version
nn.init.normal_(lin.weight, 0.0, 0.02)
print(lin.weight._version > v0)
try:
    out.sum().backward()
except RuntimeError as e:
    print(str(e).split(":")[0])  # (PyTorch names the transposed view it saved; initlab the weight)

conv = nn.Conv2d(2, 4, 3)
with torch.no_grad():
    conv.weight[0].zero_()
    conv.weight[:, 1].fill_(0.5)
    conv.weight.transpose(0, 1)[0, 1:3].mul_(0)
print([round(v, 4) for v in conv.weight.flatten().tolist()[:20]])
print(conv.weight.requires_grad, conv.weight.is_leaf, conv.weight.grad_fn)
y = conv(torch.ones(1, 2, 5, 5))
y.sum().backward()
print([round(v, 3) for v in conv.weight.grad.flatten().tolist()[:9]])

# CPython 3.11 printed:
# expect: True
# expect: one of the variables needed for gradient computation has been modified by an inplace operation
# expect: [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.0, 0.0]
# expect: True True None
# expect: [9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0]
