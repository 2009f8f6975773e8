# x[...] = v into a tensor autograd recorded (PyTorch's CopySlices), against PyTorch 1.13:
# the overwritten positions pass no gradient to the old values, the written tensor gets the
# gradient of where it went. Writes into a view of a recorded tensor are initlab's limit.
import torch


def r(t):
    return [round(v, 5) for v in t.flatten().tolist()]


y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = y * 1
z[0] = 5.0
print(type(z.grad_fn).__name__, z._version, r(z.detach()))
(z * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(r(y.grad))

y = torch.ones(2, 3, requires_grad=True)
w = torch.tensor([1.0, 2.0], requires_grad=True)
x = y * 2
x[:, 1] = w * 3
(x * x).sum().backward()
print(r(y.grad), r(w.grad))

# uniform_/normal_/fill_ on slices and views with grad off
torch.manual_seed(0)
t = torch.zeros(3, 4)
t[1].uniform_(-1, 1)
t[:, 0].normal_(0, 0.02)
t.t()[3].fill_(7)
print(t._version, r(t))

# CPython 3.11 printed:
# expect: CopySlices 1 [5.0, -1.0, 2.0]
# expect: [0.0, 2.0, 3.0]
# expect: [8.0, 0.0, 8.0, 8.0, 0.0, 8.0] [18.0, 36.0]
# expect: 3 [-0.04358, 0.0, 0.0, 7.0, 0.01137, 0.53644, -0.82305, 7.0, -0.02169, 0.0, 0.0, 7.0]
