import torch
import torch.nn as nn
import torch.nn.functional as F

# Train-mode dropout draws PyTorch's mask (bernoulli_(1 - p), one random64() per element) and
# scales by float(1) / float(1 - p); the generator then continues where PyTorch's does.
torch.manual_seed(0)
print(F.dropout(torch.ones(2, 8), 0.3, True))
print(torch.rand(3))
torch.manual_seed(0)
y = F.dropout(torch.ones(16), 0.021)
print(y.max().item(), (y == 0).sum().item())
torch.manual_seed(1)
d = nn.Dropout(p=0.5)
print(d)
x = torch.arange(12.0).reshape(3, 4) - 5.5
print(d(x))
print(d(x.t()))
d.eval()
print(d(x) is x, torch.equal(d(x), x))
torch.manual_seed(2)
print(F.dropout(torch.tensor([-1.0, 2.0, -3.0, 4.0]), 1.0), torch.rand(1))
print(F.dropout(x, 0.0) is x, F.dropout(x, 0.5, training=False) is x, torch.rand(1))

# Channel dropout: one draw per (n, c).
torch.manual_seed(3)
print(F.dropout2d(torch.ones(2, 3, 1, 2), 0.5))
m = nn.Dropout2d(0.25)
print(m, m(torch.ones(1, 4, 2, 1)).flatten())
print(F.dropout1d(torch.ones(3, 2), 0.5))
print(nn.Dropout1d(), nn.Dropout3d(0.1, inplace=True))

# Alpha dropout keeps SELU's mean and variance.
torch.manual_seed(4)
print(F.alpha_dropout(torch.ones(6), 0.2, True))
print(F.alpha_dropout(torch.ones(6), 0.2), nn.AlphaDropout(0.1), nn.FeatureAlphaDropout())
print(F.feature_alpha_dropout(torch.ones(2, 2, 2), 0.5, True))

# bernoulli_ with a float p (53-bit uniforms) and with probabilities (24-bit uniforms).
torch.manual_seed(5)
print(torch.empty(8).bernoulli_(0.5))
print(torch.empty(2, 3).bernoulli_(torch.tensor([0.1, 0.5, 0.9])))
print(torch.bernoulli(torch.full((2, 4), 0.5)), torch.bernoulli(torch.zeros(3), 0.7))
print(torch.zeros(4).bernoulli(), torch.rand(2))
g = torch.Generator().manual_seed(5)
print(torch.empty(8).bernoulli_(0.5, generator=g))

# Gradients: the dropped elements get none, the kept ones the scale.
torch.manual_seed(6)
w = torch.ones(2, 4, requires_grad=True)
out = F.dropout(w, 0.5)
print(out.grad_fn.name())
out.sum().backward()
print(w.grad)
a = F.alpha_dropout(w, 0.5, True)
print(a.grad_fn.name(), torch.bernoulli(w * 0.5).requires_grad)

for bad in (lambda: F.dropout(x, 1.5), lambda: F.alpha_dropout(x, -0.1), lambda: F.dropout2d(torch.ones(3), 0.5),
            lambda: F.dropout1d(torch.ones(1, 2, 3, 4)), lambda: torch.empty(2).bernoulli_(2.0),
            lambda: torch.empty(2, 3).bernoulli_(torch.ones(4))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", str(e)[:90])

# CPython 3.11 printed:
# expect: tensor([[0.0000, 0.0000, 1.4286, 0.0000, 1.4286, 0.0000, 1.4286, 1.4286],
# expect:         [1.4286, 1.4286, 1.4286, 1.4286, 1.4286, 1.4286, 1.4286, 1.4286]])
# expect: tensor([0.1759, 0.2698, 0.1507])
# expect: 1.0214505195617676 0
# expect: Dropout(p=0.5, inplace=False)
# expect: tensor([[-11.,  -9.,  -7.,  -5.],
# expect:         [ -0.,  -1.,   1.,   0.],
# expect:         [  0.,   7.,   0.,  11.]])
# expect: tensor([[-0., -3.,  5.],
# expect:         [-9., -0.,  7.],
# expect:         [-0.,  0.,  0.],
# expect:         [-0.,  0.,  0.]])
# expect: True True
# expect: tensor([-0., 0., -0., 0.]) tensor([0.6147])
# expect: True True tensor([0.3810])
# expect: tensor([[[[2., 2.]],
# expect: 
# expect:          [[2., 2.]],
# expect: 
# expect:          [[0., 0.]]],
# expect: 
# expect: 
# expect:         [[[2., 2.]],
# expect: 
# expect:          [[0., 0.]],
# expect: 
# expect:          [[0., 0.]]]])
# expect: Dropout2d(p=0.25, inplace=False) tensor([1.3333, 1.3333, 1.3333, 1.3333, 1.3333, 1.3333, 0.0000, 0.0000])
# expect: tensor([[2., 2.],
# expect:         [0., 0.],
# expect:         [2., 2.]])
# expect: Dropout1d(p=0.5, inplace=False) Dropout3d(p=0.1, inplace=True)
# expect: tensor([ 1.1879,  1.1879,  1.1879, -1.2362, -1.2362,  1.1879])
# expect: tensor([1., 1., 1., 1., 1., 1.]) AlphaDropout(p=0.1, inplace=False) FeatureAlphaDropout(p=0.5, inplace=False)
# expect: tensor([[[ 1.6656,  1.6656],
# expect:          [-0.7792, -0.7792]],
# expect: 
# expect:         [[ 1.6656,  1.6656],
# expect:          [ 1.6656,  1.6656]]])
# expect: tensor([0., 1., 1., 1., 1., 0., 0., 0.])
# expect: tensor([[0., 0., 1.],
# expect:         [0., 0., 1.]])
# expect: tensor([[1., 0., 0., 1.],
# expect:         [0., 0., 1., 1.]]) tensor([1., 1., 1.])
# expect: tensor([0., 0., 0., 0.]) tensor([0.5819, 0.3590])
# expect: tensor([0., 1., 1., 1., 1., 0., 0., 0.])
# expect: MulBackward0
# expect: tensor([[0., 0., 0., 2.],
# expect:         [2., 0., 2., 0.]])
# expect: AddBackward0 True
# expect: ValueError: dropout probability has to be between 0 and 1, but got 1.5
# expect: ValueError: dropout probability has to be between 0 and 1, but got -0.1
# expect: RuntimeError: Feature dropout requires at least 2 dimensions in the input
# expect: RuntimeError: dropout1d: Expected 2D or 3D input, but received a 4D input. Note that dropout1d exists to
# expect: RuntimeError: bernoulli_ expects p to be in [0, 1], but got p=2
# expect: RuntimeError: The expanded size of the tensor (3) must match the existing size (4) at non-singleton dime
