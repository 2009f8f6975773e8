# The tensor operations sequence models use, as PyTorch 1.13 computes them: randint streams,
# tril/triu, masked_fill, where, split/chunk, stack, expand, repeat, mT, gather, index_select,
# topk, cumsum, sin/cos/rsqrt/erf, linspace, sum/mean over several dims, mm/bmm/baddbmm, new_*
# and *_like (dtypes kept), .to(dtype), and int64 through torch.cat and zeros_like.
import torch
torch.manual_seed(0)
print(torch.randint(0, 10, (3, 4)))
print(torch.randint(5, (2, 3)).dtype)
print(torch.randint(-3, 3, size=(5,)))
x = torch.arange(12).view(3, 4)
print(torch.cat([x, x]).dtype, torch.zeros_like(x).dtype, torch.ones_like(x), torch.full_like(x, 7))
print(torch.tril(torch.ones(3, 3)), torch.triu(torch.ones(2, 3, 3), diagonal=1))
print(x.tril(-1))
m = torch.tril(torch.ones(4, 4)) == 0
y = torch.randn(4, 4)
print(y.masked_fill(m, float('-inf')))
print(x.masked_fill(x > 5, 0))
print(torch.where(x > 4, x, -x), torch.where(x > 4, 1.0, 0.0))
print(x.split(1), x.split([1, 3], dim=1))
print(x.chunk(2, dim=1), torch.chunk(torch.arange(5), 3))
print(torch.stack([x, x], dim=1).shape, torch.stack([x, x], -1).shape)
print(torch.ones(3, 1).expand(3, 4), torch.ones(1, 2).expand(2, -1, 2).shape)
print(x.repeat(2, 1), torch.arange(3).repeat(2, 2))
print(y.mT.shape, torch.arange(6).view(1, 2, 3).mT)
print(x.gather(1, torch.tensor([[0, 0], [1, 0], [3, 2]])))
print(x.index_select(0, torch.tensor([2, 0])))
v, i = torch.tensor([1., 5., 3., 2.]).topk(2)
print(v, i)
print(*y.topk(2, dim=0))
print(x.cumsum(0), torch.cumsum(torch.tensor([0.1, 0.2, 0.3]), 0))
print(torch.sin(y), torch.cos(y[0]), y.abs().rsqrt()[0], torch.erf(y[1]))
print(torch.linspace(0, 1, 5), torch.linspace(0, 0.3, 18), torch.linspace(-2, 7, 37))
print(y.mean([0, 1]), y.sum((0,), keepdim=True), torch.ones(2, 3, 4).mean([-1, -2]))
print(y.mm(y).shape, torch.bmm(torch.ones(2, 3, 4), torch.ones(2, 4, 5)).shape)
print(torch.baddbmm(torch.zeros(2, 3, 5), torch.ones(2, 3, 4), torch.ones(2, 4, 5), alpha=0.5)[0, 0])
print(y.new_zeros(2, 3), x.new_ones((2,)), x.new_full((2,), 3), y.new_empty(1).shape)
print(y.to(torch.long), x.to(torch.float), (x > 3).long(), x.float().dtype, x.bool(), x.to(dtype=torch.bool).dtype)
print(torch.arange(5, dtype=torch.float), torch.arange(0, 1, 0.25), torch.arange(3).item() if False else torch.arange(1).item())
a = torch.randn(2, 5, 12)
print(a[:, :, 4:8].view(2, 5, 2, 2).shape)
print(a.transpose(0, 1).view(5, 24).shape if False else a.transpose(1, 2)[:, 4:8].reshape(2, 4, 5).shape)
print(torch.randn_like(y).shape, torch.rand_like(y)[0], torch.randint_like(x, 10))

# CPython 3.11 printed:
# expect: tensor([[4, 9, 3, 0],
# expect:         [3, 9, 7, 3],
# expect:         [7, 3, 1, 6]])
# expect: torch.int64
# expect: tensor([-1,  0, -1,  2,  2])
# expect: torch.int64 torch.int64 tensor([[1, 1, 1, 1],
# expect:         [1, 1, 1, 1],
# expect:         [1, 1, 1, 1]]) tensor([[7, 7, 7, 7],
# expect:         [7, 7, 7, 7],
# expect:         [7, 7, 7, 7]])
# expect: tensor([[1., 0., 0.],
# expect:         [1., 1., 0.],
# expect:         [1., 1., 1.]]) tensor([[[0., 1., 1.],
# expect:          [0., 0., 1.],
# expect:          [0., 0., 0.]],
# expect: 
# expect:         [[0., 1., 1.],
# expect:          [0., 0., 1.],
# expect:          [0., 0., 0.]]])
# expect: tensor([[0, 0, 0, 0],
# expect:         [4, 0, 0, 0],
# expect:         [8, 9, 0, 0]])
# expect: tensor([[ 1.8530,    -inf,    -inf,    -inf],
# expect:         [ 0.2660,  0.1665,    -inf,    -inf],
# expect:         [-0.8437,  0.9318,  1.2590,    -inf],
# expect:         [ 0.0537,  0.6181, -0.4128, -0.8411]])
# expect: tensor([[0, 1, 2, 3],
# expect:         [4, 5, 0, 0],
# expect:         [0, 0, 0, 0]])
# expect: tensor([[ 0, -1, -2, -3],
# expect:         [-4,  5,  6,  7],
# expect:         [ 8,  9, 10, 11]]) tensor([[0., 0., 0., 0.],
# expect:         [0., 1., 1., 1.],
# expect:         [1., 1., 1., 1.]])
# expect: (tensor([[0, 1, 2, 3]]), tensor([[4, 5, 6, 7]]), tensor([[ 8,  9, 10, 11]])) (tensor([[0],
# expect:         [4],
# expect:         [8]]), tensor([[ 1,  2,  3],
# expect:         [ 5,  6,  7],
# expect:         [ 9, 10, 11]]))
# expect: (tensor([[0, 1],
# expect:         [4, 5],
# expect:         [8, 9]]), tensor([[ 2,  3],
# expect:         [ 6,  7],
# expect:         [10, 11]])) (tensor([0, 1]), tensor([2, 3]), tensor([4]))
# expect: torch.Size([3, 2, 4]) torch.Size([3, 4, 2])
# expect: tensor([[1., 1., 1., 1.],
# expect:         [1., 1., 1., 1.],
# expect:         [1., 1., 1., 1.]]) torch.Size([2, 1, 2])
# expect: tensor([[ 0,  1,  2,  3],
# expect:         [ 4,  5,  6,  7],
# expect:         [ 8,  9, 10, 11],
# expect:         [ 0,  1,  2,  3],
# expect:         [ 4,  5,  6,  7],
# expect:         [ 8,  9, 10, 11]]) tensor([[0, 1, 2, 0, 1, 2],
# expect:         [0, 1, 2, 0, 1, 2]])
# expect: torch.Size([4, 4]) tensor([[[0, 3],
# expect:          [1, 4],
# expect:          [2, 5]]])
# expect: tensor([[ 0,  0],
# expect:         [ 5,  4],
# expect:         [11, 10]])
# expect: tensor([[ 8,  9, 10, 11],
# expect:         [ 0,  1,  2,  3]])
# expect: tensor([5., 3.]) tensor([1, 2])
# expect: tensor([[1.8530, 0.9318, 1.2590, 2.0050],
# expect:         [0.2660, 0.6181, 0.8744, 1.4437]]) tensor([[0, 2, 2, 2],
# expect:         [1, 3, 1, 0]])
# expect: tensor([[ 0,  1,  2,  3],
# expect:         [ 4,  6,  8, 10],
# expect:         [12, 15, 18, 21]]) tensor([0.1000, 0.3000, 0.6000])
# expect: tensor([[ 0.9604,  0.4512, -0.1571,  0.9919],
# expect:         [ 0.2629,  0.1657,  0.7671, -0.1430],
# expect:         [-0.7471,  0.8027,  0.9518,  0.9072],
# expect:         [ 0.0537,  0.5795, -0.4012, -0.7454]]) tensor([-0.2785,  0.8924,  0.9876,  0.1268]) tensor([0.7346, 1.4616, 2.5181, 0.8323]) tensor([ 0.2933,  0.1861,  0.7838, -0.1608])
# expect: tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000]) tensor([0.0000, 0.0176, 0.0353, 0.0529, 0.0706, 0.0882, 0.1059, 0.1235, 0.1412,
# expect:         0.1588, 0.1765, 0.1941, 0.2118, 0.2294, 0.2471, 0.2647, 0.2824, 0.3000]) tensor([-2.0000, -1.7500, -1.5000, -1.2500, -1.0000, -0.7500, -0.5000, -0.2500,
# expect:          0.0000,  0.2500,  0.5000,  0.7500,  1.0000,  1.2500,  1.5000,  1.7500,
# expect:          2.0000,  2.2500,  2.5000,  2.7500,  3.0000,  3.2500,  3.5000,  3.7500,
# expect:          4.0000,  4.2500,  4.5000,  4.7500,  5.0000,  5.2500,  5.5000,  5.7500,
# expect:          6.0000,  6.2500,  6.5000,  6.7500,  7.0000])
# expect: tensor(0.4713) tensor([[1.3291, 2.1844, 1.5629, 2.4641]]) tensor([1., 1.])
# expect: torch.Size([4, 4]) torch.Size([2, 3, 5])
# expect: tensor([2., 2., 2., 2., 2.])
# expect: tensor([[0., 0., 0.],
# expect:         [0., 0., 0.]]) tensor([1, 1]) tensor([3, 3]) torch.Size([1])
# expect: tensor([[1, 0, 0, 1],
# expect:         [0, 0, 0, 0],
# expect:         [0, 0, 1, 2],
# expect:         [0, 0, 0, 0]]) tensor([[ 0.,  1.,  2.,  3.],
# expect:         [ 4.,  5.,  6.,  7.],
# expect:         [ 8.,  9., 10., 11.]]) tensor([[0, 0, 0, 0],
# expect:         [1, 1, 1, 1],
# expect:         [1, 1, 1, 1]]) torch.float32 tensor([[False,  True,  True,  True],
# expect:         [ True,  True,  True,  True],
# expect:         [ True,  True,  True,  True]]) torch.bool
# expect: tensor([0., 1., 2., 3., 4.]) tensor([0.0000, 0.2500, 0.5000, 0.7500]) 0
# expect: torch.Size([2, 5, 2, 2])
# expect: torch.Size([2, 4, 5])
# expect: torch.Size([4, 4]) tensor([0.8421, 0.1473, 0.5223, 0.1475]) tensor([[4, 0, 2, 5],
# expect:         [1, 2, 8, 2],
# expect:         [4, 8, 3, 6]])
