# initlab.datasets (initlab's own module: not in CPython, so expectations come from
# core/data/DIGITS.md and tests/datasets_test.cpp, not from running this file in PyTorch).
import torch
from initlab import datasets
import initlab

x, y = datasets.digits()
print(x.shape, y.shape, y.dtype)
# expect: torch.Size([1437, 1, 8, 8]) torch.Size([1437]) torch.int64
print(y[:10])
# expect: tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
x, y = initlab.datasets.digits('test', size=28, flatten=True)
print(x.shape, x.min().item(), x.max().item() <= 1.0)
# expect: torch.Size([360, 784]) 0.0 True
torch.manual_seed(0)
a, b = datasets.two_spirals(100, noise=0.05)
torch.manual_seed(0)
c, d = datasets.two_spirals(100, noise=0.05)
print(a.shape, torch.equal(a, c), b[:4])
# expect: torch.Size([100, 2]) True tensor([0, 1, 0, 1])
xb, yb = datasets.blobs(n=30, centers=3, dim=4)
print(xb.shape, yb[:5])
# expect: torch.Size([30, 4]) tensor([0, 1, 2, 0, 1])
xt, yt = datasets.teacher(n=10, in_features=5, out_features=2)
print(xt.shape, yt.shape, yt.dtype)
# expect: torch.Size([10, 5]) torch.Size([10, 2]) torch.float32
datasets.digits('valid')
# error: line 27: ValueError: digits(): split must be 'train' or 'test', not 'valid'
