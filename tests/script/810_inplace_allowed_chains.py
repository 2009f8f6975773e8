# In-place ops on tensors autograd recorded, against PyTorch 1.13: each one rebases the
# tensor's history (its grad_fn becomes the in-place op's node), the version counter counts
# the writes, and the gradients are those of the out-of-place chain.
import torch


def r(t):
    return [round(v, 5) for v in t.flatten().tolist()]


y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = y * 3
print(z._version, type(z.grad_fn).__name__)
z.add_(1)
print(z._version, type(z.grad_fn).__name__, z.is_leaf, z.requires_grad)
z.sum().backward()
print(r(y.grad))

for name, step in [
    ("add_", lambda z: z.add_(2, alpha=3)),
    ("sub_", lambda z: z.sub_(0.5)),
    ("mul_", lambda z: z.mul_(2)),
    ("div_", lambda z: z.div_(4)),
    ("clamp_", lambda z: z.clamp_(min=-0.5, max=1.0)),
    ("clamp_min_", lambda z: z.clamp_min_(0)),
    ("clamp_max_", lambda z: z.clamp_max_(0.25)),
    ("relu_", lambda z: z.relu_()),
    ("neg_", lambda z: z.neg_()),
    ("pow_", lambda z: z.pow_(2)),
    ("exp_", lambda z: z.exp_()),
    ("tanh_", lambda z: z.tanh_()),
    ("sigmoid_", lambda z: z.sigmoid_()),
]:
    y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    z = y * 1.5
    out = step(z)
    print(name, out is z, z._version, type(z.grad_fn).__name__, r(z.detach()))
    (z * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    print(r(y.grad))

# A chain of in-place ops whose saved values stay valid.
y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = y * 2
z.pow_(2)
z.add_(1)
z.div_(torch.tensor([1.0, 2.0, 4.0]))
z.sub_(1)
print(z._version, type(z.grad_fn).__name__)
z.sum().backward()
print(r(y.grad))

# In-place with a tensor that requires grad: both get their gradients.
y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = y * 1
z.mul_(w)
z.add_(1)
z.sum().backward()
print(r(y.grad), r(w.grad))

# masked_fill_, fill_, zero_, copy_
y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = y * 1
z.masked_fill_(z > 0, 0.0)
print(type(z.grad_fn).__name__, r(z.detach()))
z.sum().backward()
print(r(y.grad))
y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
z = y * 1
z.fill_(2)
print(type(z.grad_fn).__name__)
z.zero_()
print(type(z.grad_fn).__name__, z._version)
z.sum().backward()
print(r(y.grad))
y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = y * 1
z.copy_(w * 2)
print(type(z.grad_fn).__name__)
(z * z).sum().backward()
print(r(y.grad), r(w.grad))

# Views share the counter.
a = torch.zeros(2, 3)
v = a[0]
a.add_(1)
print(a._version, v._version, a.detach()._version)
v.fill_(3)
print(a._version, r(a))

# CPython 3.11 printed:
# expect: 0 MulBackward0
# expect: 1 AddBackward0 False True
# expect: [3.0, 3.0, 3.0]
# expect: add_ True 1 AddBackward0 [6.75, 4.5, 9.0]
# expect: [1.5, 3.0, 4.5]
# expect: sub_ True 1 SubBackward0 [0.25, -2.0, 2.5]
# expect: [1.5, 3.0, 4.5]
# expect: mul_ True 1 MulBackward0 [1.5, -3.0, 6.0]
# expect: [3.0, 6.0, 9.0]
# expect: div_ True 1 DivBackward0 [0.1875, -0.375, 0.75]
# expect: [0.375, 0.75, 1.125]
# expect: clamp_ True 1 ClampBackward1 [0.75, -0.5, 1.0]
# expect: [1.5, 0.0, 0.0]
# expect: clamp_min_ True 1 ClampMinBackward0 [0.75, 0.0, 3.0]
# expect: [1.5, 0.0, 4.5]
# expect: clamp_max_ True 1 ClampMaxBackward0 [0.25, -1.5, 0.25]
# expect: [0.0, 3.0, 0.0]
# expect: relu_ True 1 ReluBackward0 [0.75, 0.0, 3.0]
# expect: [1.5, 0.0, 4.5]
# expect: neg_ True 1 NegBackward0 [-0.75, 1.5, -3.0]
# expect: [-1.5, -3.0, -4.5]
# expect: pow_ True 1 PowBackward0 [0.5625, 2.25, 9.0]
# expect: [2.25, -9.0, 27.0]
# expect: exp_ True 1 ExpBackward0 [2.117, 0.22313, 20.08554]
# expect: [3.1755, 0.66939, 90.38492]
# expect: tanh_ True 1 TanhBackward0 [0.63515, -0.90515, 0.99505]
# expect: [0.89488, 0.54212, 0.0444]
# expect: sigmoid_ True 1 SigmoidBackward0 [0.67918, 0.18243, 0.95257]
# expect: [0.32684, 0.44744, 0.20329]
# expect: 4 SubBackward0
# expect: [4.0, -4.0, 4.0]
# expect: [1.0, 2.0, 3.0] [0.5, -1.0, 2.0]
# expect: MaskedFillBackward0 [0.0, -1.0, 0.0]
# expect: [0.0, 1.0, 0.0]
# expect: FillBackward2
# expect: ZeroBackward0 2
# expect: [0.0, 0.0, 0.0]
# expect: CopyBackwards
# expect: [0.0, 0.0, 0.0] [8.0, 16.0, 24.0]
# expect: 1 1 1
# expect: 2 [3.0, 3.0, 3.0, 1.0, 1.0, 1.0]
