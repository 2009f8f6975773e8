import torch.nn as nn


def f(a, b, c=0):
    return a * 100 + b * 10 + c


args = (1, 2)
kw = {"c": 3}
print(f(*args), f(*args, **kw), f(**{"a": 4, "b": 5}))  # expect: 120 123 450
print(f(1, *[2, 3]), f(*[7], b=8))  # expect: 123 780
cfg = {"in_features": 3, "out_features": 2, "bias": False}
print(nn.Linear(**cfg))  # expect: Linear(in_features=3, out_features=2, bias=False)
shape = [1, 6, 5]
print(nn.Conv2d(*shape, stride=2))  # expect: Conv2d(1, 6, kernel_size=(5, 5), stride=(2, 2))
