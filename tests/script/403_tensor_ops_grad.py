# Gradients of the new tensor ops against PyTorch's (weighted sums, so each element's gradient
# shows), then finite-difference checks of each backward in float64-free arithmetic: central
# differences of a smooth loss, compared with autograd within a tolerance.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(3, 4)


def show(name, y):
    x.grad = None
    (y * torch.arange(y.numel()).view(y.shape).float()).sum().backward()
    print(name, y.grad_fn.name(), x.grad)


show('tril', x.tril())
show('triu', torch.triu(x, 1))
show('mf', x.masked_fill(w > 0, 0.5))
show('where', torch.where(w > 0, x, w))
show('split', x.split(2, dim=1)[1])
show('chunk', x.chunk(3)[2])
show('expand', x[:, :1].expand(3, 5))
show('expand_as', x[0].expand_as(torch.ones(2, 3, 4)))
show('repeat', x.repeat(2, 1, 2))
show('mT', x.mT)
show('gather', x.gather(1, torch.tensor([[0, 0], [1, 3], [2, 2]])))
show('isel', x.index_select(1, torch.tensor([3, 3, 0])))
show('topk', x.topk(2, dim=1)[0])
show('cumsum', x.cumsum(1))
show('sin', x.sin())
show('cos', torch.cos(x))
show('rsqrt', (x * x + 1).rsqrt())
show('erf', torch.erf(x))
show('mean', x.mean([0, 1], keepdim=True))
show('sum', x.sum((1,)))
show('roll', x.roll(1, 1))
show('view', x[:, 1:3].view(3, 2, 1))
show('adv', x[torch.tensor([2, 0, 2]), torch.tensor([1, 1, 3])])
show('mask', x[w > 0.5])
show('stack', torch.stack([x, x * 2], 1))
show('emb', F.embedding(torch.tensor([[0, 2], [2, 2]]), x, padding_idx=0))
show('lnorm', F.layer_norm(x, (4,)))

# Finite differences: d/dx of sum(f(x) * c) at x, step 1e-2 (float32), tolerance 2e-2.
c = torch.randn(3, 4)
ops = {
    'sin': lambda t: t.sin(), 'cos': lambda t: t.cos(), 'erf': lambda t: t.erf(),
    'rsqrt': lambda t: (t * t + 1).rsqrt(), 'cumsum': lambda t: t.cumsum(0),
    'tril': lambda t: t.tril(), 'masked_fill': lambda t: t.masked_fill(c > 0, 1.0),
    'where': lambda t: torch.where(c > 0, t * t, t), 'roll': lambda t: t.roll(2, 1),
    'mean': lambda t: t.mean([0, 1], keepdim=True).expand(3, 4) * t,
    'repeat': lambda t: t.repeat(1, 2)[:, 1:5], 'gather': lambda t: t.gather(0, torch.tensor([[2, 1, 0, 0]] * 3)),
    'topk': lambda t: torch.cat([t.topk(2, dim=1)[0], t[:, :2]], 1),
    'layer_norm': lambda t: F.layer_norm(t, (4,)),
}
for name, f in ops.items():
    xx = torch.randn(3, 4, requires_grad=True)
    (f(xx) * c).sum().backward()
    worst = 0.0
    with torch.no_grad():
        for i in range(3):
            for j in range(4):
                p = xx.detach().clone()
                p[i, j] += 1e-2
                m = xx.detach().clone()
                m[i, j] -= 1e-2
                fd = ((f(p) * c).sum() - (f(m) * c).sum()).item() / 2e-2
                worst = max(worst, abs(fd - xx.grad[i, j].item()) / (1 + abs(fd)))
    print(name, worst < 2e-2)

# CPython 3.11 printed:
# expect: tril TrilBackward0 tensor([[ 0.,  0.,  0.,  0.],
# expect:         [ 4.,  5.,  0.,  0.],
# expect:         [ 8.,  9., 10.,  0.]])
# expect: triu TriuBackward0 tensor([[ 0.,  1.,  2.,  3.],
# expect:         [ 0.,  0.,  6.,  7.],
# expect:         [ 0.,  0.,  0., 11.]])
# expect: mf MaskedFillBackward0 tensor([[0., 0., 2., 0.],
# expect:         [4., 0., 6., 7.],
# expect:         [0., 0., 0., 0.]])
# expect: where WhereBackward0 tensor([[ 0.,  1.,  0.,  3.],
# expect:         [ 0.,  5.,  0.,  0.],
# expect:         [ 8.,  9., 10., 11.]])
# expect: split SplitBackward0 tensor([[0., 0., 0., 1.],
# expect:         [0., 0., 2., 3.],
# expect:         [0., 0., 4., 5.]])
# expect: chunk SplitBackward0 tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 1., 2., 3.]])
# expect: expand ExpandBackward0 tensor([[10.,  0.,  0.,  0.],
# expect:         [35.,  0.,  0.,  0.],
# expect:         [60.,  0.,  0.,  0.]])
# expect: expand_as ExpandBackward0 tensor([[60., 66., 72., 78.],
# expect:         [ 0.,  0.,  0.,  0.],
# expect:         [ 0.,  0.,  0.,  0.]])
# expect: repeat RepeatBackward0 tensor([[ 56.,  60.,  64.,  68.],
# expect:         [ 88.,  92.,  96., 100.],
# expect:         [120., 124., 128., 132.]])
# expect: mT TransposeBackward0 tensor([[ 0.,  3.,  6.,  9.],
# expect:         [ 1.,  4.,  7., 10.],
# expect:         [ 2.,  5.,  8., 11.]])
# expect: gather GatherBackward0 tensor([[1., 0., 0., 0.],
# expect:         [0., 2., 0., 3.],
# expect:         [0., 0., 9., 0.]])
# expect: isel IndexSelectBackward0 tensor([[ 2.,  0.,  0.,  1.],
# expect:         [ 5.,  0.,  0.,  7.],
# expect:         [ 8.,  0.,  0., 13.]])
# expect: topk TopkBackward0 tensor([[0., 0., 0., 1.],
# expect:         [0., 0., 3., 2.],
# expect:         [0., 5., 0., 4.]])
# expect: cumsum CumsumBackward0 tensor([[ 6.,  6.,  5.,  3.],
# expect:         [22., 18., 13.,  7.],
# expect:         [38., 30., 21., 11.]])
# expect: sin SinBackward0 tensor([[ 0.0000,  0.9573, -1.1424,  2.5282],
# expect:         [ 1.8693,  0.8568,  5.5185,  4.6825],
# expect:         [ 6.0184,  8.2778,  8.2723, 10.8182]])
# expect: cos CosBackward0 tensor([[-0.0000,  0.2892,  1.6416, -1.6149],
# expect:         [ 3.5363,  4.9261, -2.3550, -5.2033],
# expect:         [ 5.2706,  3.5325,  5.6186, -1.9914]])
# expect: rsqrt RsqrtBackward0 tensor([[-0.0000,  0.2592,  0.3163, -1.1205],
# expect:         [ 1.3513,  1.3759, -1.9303, -2.6412],
# expect:         [ 3.0786,  2.8955,  3.7786, -1.9068]])
# expect: erf ErfBackward0 tensor([[ 0.0000,  1.0353,  0.0196,  2.4505],
# expect:         [ 1.3922,  0.7978,  5.7538,  3.9134],
# expect:         [ 5.3811,  8.6307,  7.9042, 12.0076]])
# expect: mean MeanBackward1 tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.]])
# expect: sum SumBackward1 tensor([[0., 0., 0., 0.],
# expect:         [1., 1., 1., 1.],
# expect:         [2., 2., 2., 2.]])
# expect: roll RollBackward0 tensor([[ 1.,  2.,  3.,  0.],
# expect:         [ 5.,  6.,  7.,  4.],
# expect:         [ 9., 10., 11.,  8.]])
# expect: view ViewBackward0 tensor([[0., 0., 1., 0.],
# expect:         [0., 2., 3., 0.],
# expect:         [0., 4., 5., 0.]])
# expect: adv IndexBackward0 tensor([[0., 1., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 0., 0., 2.]])
# expect: mask IndexBackward0 tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 1., 2., 3.]])
# expect: stack StackBackward0 tensor([[ 8., 11., 14., 17.],
# expect:         [32., 35., 38., 41.],
# expect:         [56., 59., 62., 65.]])
# expect: emb EmbeddingBackward0 tensor([[ 0.,  0.,  0.,  0.],
# expect:         [ 0.,  0.,  0.,  0.],
# expect:         [24., 27., 30., 33.]])
# expect: lnorm NativeLayerNormBackward0 tensor([[-0.7139, -0.4126, -0.1233,  1.2498],
# expect:         [-0.7249,  0.6738, -0.2610,  0.3121],
# expect:         [-1.7960, -1.3013,  3.0567,  0.0406]])
# expect: sin True
# expect: cos True
# expect: erf True
# expect: rsqrt True
# expect: cumsum True
# expect: tril True
# expect: masked_fill True
# expect: where True
# expect: roll True
# expect: mean True
# expect: repeat True
# expect: gather True
# expect: topk True
# expect: layer_norm True
