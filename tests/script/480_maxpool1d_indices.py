# nn.MaxPool1d(return_indices=True) with nn.MaxUnpool1d, and their functional forms: reprs,
# indices, ceil_mode and dilation (PyTorch computes 1-D pooling on the (N, C, 1, L) view).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 9)
m = nn.MaxPool1d(3, stride=2, padding=1, return_indices=True)
print(m)
y, i = m(x)
print(y.shape, i.dtype, i[0, 0])
print(nn.MaxPool1d(3, return_indices=True, ceil_mode=True))
print(nn.MaxPool1d((3,), dilation=2, return_indices=True))
u = nn.MaxUnpool1d(3, stride=2, padding=1)
print(u)
print(nn.MaxUnpool1d((2,)), nn.MaxUnpool1d(2, 1))
z = u(y, i)
print(z.shape, torch.equal(z.gather(2, i), y), (z != 0).sum().item())
print(u(y, i, output_size=[10]).shape, u(y, i, output_size=(2, 3, 10)).shape)
torch.manual_seed(1)
x = torch.randn(1, 2, 7)
print(F.max_pool1d(x, 3, 2, 1, 2, True))
print(F.max_pool1d(x, 3, 2, 1, 2, True, True))
print(F.max_pool1d(x, 2, 3, 1, 1, True, True))
print(F.max_pool1d(x, 3, 2, 0, 2, False, True))
print(F.max_pool1d(x, kernel_size=3, dilation=3, return_indices=True))
y, i = F.max_pool1d(x, 2, return_indices=True)
print(F.max_unpool1d(y, i, 2))
print(F.max_unpool1d(y, i, 2, output_size=[7]))
print(F.max_unpool1d(y[0], i[0], 2, 2, 0).shape)
print(F.max_pool1d(torch.randn(2, 4), 5).shape, F.max_pool1d(torch.randn(0, 2, 3), 1).shape)
# unbatched input and an unpool that repeats an index: the last write wins
print(F.max_pool1d(torch.tensor([[1.0, 5.0, 2.0, 4.0, 3.0]]), 3, 1, return_indices=True))
print(F.max_unpool1d(torch.tensor([[[1.0, 2.0, 3.0]]]), torch.tensor([[[1, 1, 0]]]), 2))
# gradients through pool and unpool
xg = torch.randn(1, 2, 8, requires_grad=True)
y, i = F.max_pool1d(xg, 3, 2, 1, return_indices=True)
out = F.max_unpool1d(y * 2, i, 3, 2, 1, output_size=[8])
out.sum().backward()
print(xg.grad)
print(torch.equal(xg.grad != 0, out != 0))

# CPython 3.11 printed:
# expect: MaxPool1d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)
# expect: torch.Size([2, 3, 5]) torch.int64 tensor([0, 2, 4, 5, 8])
# expect: MaxPool1d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=True)
# expect: MaxPool1d(kernel_size=(3,), stride=(3,), padding=0, dilation=2, ceil_mode=False)
# expect: MaxUnpool1d(kernel_size=(3,), stride=(2,), padding=(1,))
# expect: MaxUnpool1d(kernel_size=(2,), stride=(2,), padding=(0,)) MaxUnpool1d(kernel_size=(2,), stride=(1,), padding=(0,))
# expect: torch.Size([2, 3, 9]) True 26
# expect: torch.Size([2, 3, 10]) torch.Size([2, 3, 10])
# expect: tensor([[[ 0.6213,  0.6213,  0.6213],
# expect:          [-0.8923, -0.1955, -0.1955]]])
# expect: (tensor([[[ 0.6213,  0.6213,  0.6213],
# expect:          [-0.8923, -0.1955, -0.1955]]]), tensor([[[3, 3, 3],
# expect:          [3, 5, 5]]]))
# expect: (tensor([[[ 0.6614,  0.6213, -0.1661],
# expect:          [ 0.3817, -0.5631, -0.1955]]]), tensor([[[0, 3, 5],
# expect:          [0, 2, 5]]]))
# expect: (tensor([[[ 0.6614,  0.0617],
# expect:          [ 0.3817, -0.0583]]]), tensor([[[0, 2],
# expect:          [0, 4]]]))
# expect: (tensor([[[0.6614],
# expect:          [0.3817]]]), tensor([[[0],
# expect:          [0]]]))
# expect: tensor([[[ 0.6614,  0.0000,  0.0000,  0.6213,  0.0000, -0.1661],
# expect:          [ 0.3817,  0.0000, -0.5631,  0.0000, -0.0583,  0.0000]]])
# expect: tensor([[[ 0.6614,  0.0000,  0.0000,  0.6213,  0.0000, -0.1661,  0.0000],
# expect:          [ 0.3817,  0.0000, -0.5631,  0.0000, -0.0583,  0.0000,  0.0000]]])
# expect: torch.Size([2, 6])
# expect: torch.Size([2, 0]) torch.Size([0, 2, 3])
# expect: (tensor([[5., 5., 4.]]), tensor([[1, 1, 3]]))
# expect: tensor([[[3., 2., 0., 0., 0., 0.]]])
# expect: tensor([[[2., 0., 0., 4., 0., 2., 0., 0.],
# expect:          [0., 4., 0., 0., 0., 4., 0., 0.]]])
# expect: True
