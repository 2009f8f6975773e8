# nn.CosineSimilarity, nn.PairwiseDistance, nn.Bilinear and their functional forms against
# PyTorch 1.13: reprs, Bilinear's parameter order and default init bits, forward values,
# gradients, broadcasting and the error texts.
import torch
import torch.nn as nn
import torch.nn.functional as F

print(nn.CosineSimilarity(), nn.CosineSimilarity(dim=0, eps=1e-6).eps, nn.PairwiseDistance(p=1.0, keepdim=True).norm)
print(nn.Bilinear(4, 6, 3), nn.Bilinear(2, 3, 4, bias=False), nn.Bilinear(2, 3, 4, False).bias)

torch.manual_seed(0)
m = nn.Bilinear(4, 6, 3)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()])
print(m.weight[0, 0].tolist())
print(m.bias.tolist())
x1 = torch.randn(5, 4, requires_grad=True)
x2 = torch.randn(5, 6, requires_grad=True)
y = m(x1, x2)
print([round(v, 4) for v in y[0].tolist()], y.grad_fn is not None)
(y * torch.arange(15.).view(5, 3)).sum().backward()
print([round(v, 4) for v in x1.grad[1].tolist()])
print([round(v, 4) for v in x2.grad[2].tolist()])
print([round(v, 4) for v in m.weight.grad[2, 3].tolist()], [round(v, 4) for v in m.bias.grad.tolist()])
print(tuple(F.bilinear(torch.randn(2, 5, 4), torch.randn(2, 5, 6), m.weight, m.bias).shape),
      tuple(F.bilinear(torch.randn(4), torch.randn(6), m.weight).shape))
print([round(v, 4) for v in torch.bilinear(x1, x2, m.weight, m.bias)[4].tolist()])

a = torch.randn(3, 5, requires_grad=True)
b = torch.randn(3, 5, requires_grad=True)
cs = nn.CosineSimilarity()(a, b)
print([round(v, 5) for v in cs.tolist()])
cs.sum().backward()
print([round(v, 5) for v in a.grad[0].tolist()])
print([round(v, 5) for v in b.grad[1].tolist()])
print([round(v, 5) for v in F.cosine_similarity(a, b, dim=0).tolist()])
print([round(v, 5) for v in F.cosine_similarity(a, b[0], dim=-1).tolist()])
print(F.cosine_similarity(torch.zeros(3), torch.zeros(3), 0), tuple(torch.cosine_similarity(a, b[:, :1]).shape))
print([round(v, 5) for v in F.cosine_similarity(a, b[:, :1]).tolist()])

a.grad = None
b.grad = None
pd = nn.PairwiseDistance()(a, b)
print([round(v, 5) for v in pd.tolist()])
pd.sum().backward()
print([round(v, 5) for v in a.grad[0].tolist()])
print([round(v, 5) for v in b.grad[2].tolist()])
print([round(v, 4) for v in F.pairwise_distance(a, b, p=1.0).tolist()], tuple(F.pairwise_distance(a, b, keepdim=True).shape))
print([round(v, 4) for v in nn.PairwiseDistance(p=3, eps=1e-3)(a, b[1]).tolist()])
print(F.pairwise_distance(torch.tensor([[1., -2., 3.]]), torch.zeros(1, 3), p=float('inf')))
print(F.pairwise_distance(torch.tensor([3., 4.]), torch.zeros(2), eps=0.0), torch.pairwise_distance(a, b).shape)


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)


W = torch.randn(3, 4, 6)
show(lambda: F.bilinear(torch.randn(5, 4), torch.randn(4, 6), W))
show(lambda: F.bilinear(torch.randn(5, 3), torch.randn(5, 6), W))
show(lambda: F.bilinear(torch.randn(5, 4), torch.randn(5, 5), W))
show(lambda: F.bilinear(torch.randn(5, 4), torch.randn(5, 6), W, torch.randn(2)))
show(lambda: F.bilinear(torch.randn(2, 5, 4), torch.randn(10, 6), W))
show(lambda: F.cosine_similarity(torch.randn(3, 4), torch.randn(3, 5)))
show(lambda: F.cosine_similarity(torch.randn(3, 4), torch.randn(3, 4), dim=2))
show(lambda: F.pairwise_distance(torch.randn(3, 4), torch.randn(3, 5)))

# CPython 3.11 printed:
# expect: CosineSimilarity() 1e-06 1.0
# expect: Bilinear(in1_features=4, in2_features=6, out_features=3, bias=True) Bilinear(in1_features=2, in2_features=3, out_features=4, bias=False) None
# expect: [('weight', (3, 4, 6)), ('bias', (3,))]
# expect: [-0.003743410110473633, 0.26822179555892944, -0.4115225672721863, -0.3679695129394531, -0.19257718324661255, 0.13407868146896362]
# expect: [0.19650495052337646, 0.4142746925354004, 0.4351036548614502]
# expect: [2.0247, -3.8683, 1.2505] True
# expect: [-2.8539, -3.3164, -3.5637, 2.2708]
# expect: [1.0367, -10.6397, 9.6006, 3.3222, 9.3746, 15.9466]
# expect: [10.3915, 1.6738, -3.3811, -25.4787, 3.5006, -4.0036] [30.0, 35.0, 40.0]
# expect: (2, 5, 3) (3,)
# expect: [-0.2061, 1.9842, -0.7184]
# expect: [0.25435, -0.32734, -0.5022]
# expect: [0.06257, -0.32092, -0.12646, -0.24682, -0.24257]
# expect: [0.06761, -0.19647, -0.06814, -0.27007, -0.09076]
# expect: [-0.63523, -0.15314, 0.12269, 0.87592, -0.81961]
# expect: [0.25435, 0.87903, 0.14322]
# expect: tensor(0.) (3,)
# expect: [0.43765, -0.69965, -0.12567]
# expect: [1.95744, 3.44821, 2.83121]
# expect: [-0.49999, 0.3236, -0.51414, 0.07556, 0.61257]
# expect: [-0.66159, 0.0444, 0.51072, 0.11771, -0.53446]
# expect: [3.9655, 6.0878, 5.2912] (3, 1)
# expect: [1.5903, 3.0204, 1.6919]
# expect: tensor([3.0000])
# expect: tensor(5.) torch.Size([3])
# expect: RuntimeError: bilinear(): input batch dimensions do not match at dim 0: got 5 and 4
# expect: RuntimeError: bilinear(): input1 size does not match weight size: got 3 but expected 4
# expect: RuntimeError: bilinear(): input2 size does not match weight size: got 5 but expected 6
# expect: RuntimeError: bilinear(): bias size does not match weight size: got 2 but expected 3
# expect: RuntimeError: bilinear(): input dimensions do not match: got 3 and 2
# expect: RuntimeError: The size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 1
# expect: IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
# expect: RuntimeError: The size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 1
