import torch
import torch.nn.functional as F

# Gradients through each tensor op a training loop uses, as PyTorch computes them.
torch.manual_seed(6)
x = torch.randn(3, 4, requires_grad=True)
c = torch.randn(3, 4)


def grad_of(f):
    x.grad = None
    f(x).backward()
    return x.grad


print(grad_of(lambda t: (t * c).sum()))
# expect: tensor([[ 1.0946, -0.4448, -1.0702, -2.5711],
# expect:         [ 0.6639,  0.3103, -0.2878, -0.1986],
# expect:         [-1.5764, -0.6679,  0.3338, -0.4891]])
print(grad_of(lambda t: (t / 2 + 1 - t * 3).mean()))
# expect: tensor([[-0.2083, -0.2083, -0.2083, -0.2083],
# expect:         [-0.2083, -0.2083, -0.2083, -0.2083],
# expect:         [-0.2083, -0.2083, -0.2083, -0.2083]])
print(grad_of(lambda t: (2 / (t * t + 1)).sum()))
# expect: tensor([[ 0.3681,  1.0063, -1.2501,  1.2621],
# expect:         [ 0.5874, -0.6680, -0.5985, -1.2883],
# expect:         [-0.3437,  0.8622,  0.6276, -1.1780]])
print(grad_of(lambda t: (1 - t).sum() + (t - c).sum()))
# expect: tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.]])
print(grad_of(lambda t: (t ** 3).sum() + (t ** 0.5 if False else t.square()).mean()))
# expect: tensor([[10.2277,  2.7965,  1.6683,  1.3471],
# expect:         [ 6.2512,  0.1243,  6.5996,  1.3367],
# expect:         [11.5614,  3.7098,  0.0547,  0.5262]])
print(grad_of(lambda t: (-t * c).sum(1).mean()))
# expect: tensor([[-0.3649,  0.1483,  0.3567,  0.8570],
# expect:         [-0.2213, -0.1034,  0.0959,  0.0662],
# expect:         [ 0.5255,  0.2226, -0.1113,  0.1630]])
print(grad_of(lambda t: (t.mean(0, keepdim=True) * c).sum()))
# expect: tensor([[ 0.0607, -0.2675, -0.3414, -1.0863],
# expect:         [ 0.0607, -0.2675, -0.3414, -1.0863],
# expect:         [ 0.0607, -0.2675, -0.3414, -1.0863]])
print(grad_of(lambda t: (t.sum(dim=1) ** 2).sum()))
# expect: tensor([[-5.6961, -5.6961, -5.6961, -5.6961],
# expect:         [ 1.6043,  1.6043,  1.6043,  1.6043],
# expect:         [ 2.0434,  2.0434,  2.0434,  2.0434]])
print(grad_of(lambda t: (t[1] * c[0]).sum() + t[0, 2] * 5 + t[:, 1:3].sum() + t[::2, -1].sum()))
# expect: tensor([[ 0.0000,  1.0000,  6.0000,  1.0000],
# expect:         [ 1.0946,  0.5552, -0.0702, -2.5711],
# expect:         [ 0.0000,  1.0000,  1.0000,  1.0000]])
print(grad_of(lambda t: (t.t() @ c).sum() + t.transpose(0, 1)[1].sum() + t.permute(1, 0)[0, 2]))
# expect: tensor([[-2.9915, -1.9915, -2.9915, -2.9915],
# expect:         [ 0.4878,  1.4878,  0.4878,  0.4878],
# expect:         [-1.3997, -1.3997, -2.3997, -2.3997]])
print(grad_of(lambda t: (t.view(12)[:5] * 2).sum() + t.reshape(2, 6)[1].sum() + t.flatten()[-1]))
# expect: tensor([[2., 2., 2., 2.],
# expect:         [2., 0., 1., 1.],
# expect:         [1., 1., 1., 2.]])
print(grad_of(lambda t: (t.unsqueeze(0) * c).sum() + t[None, 1].sum() + t.unsqueeze(2).squeeze(2)[2, 0]))
# expect: tensor([[ 1.0946, -0.4448, -1.0702, -2.5711],
# expect:         [ 1.6639,  1.3103,  0.7122,  0.8014],
# expect:         [-0.5764, -0.6679,  0.3338, -0.4891]])
print(grad_of(lambda t: torch.cat([t, t * 2], dim=1)[:, 3:6].sum()))
# expect: tensor([[2., 2., 0., 1.],
# expect:         [2., 2., 0., 1.],
# expect:         [2., 2., 0., 1.]])
print(grad_of(lambda t: (t.exp() + t.abs() + (t * t + 1).log() + (t * t + 1).sqrt()).sum()))
# expect: tensor([[-2.5594, -2.3346,  4.5825, -2.0141],
# expect:         [-2.5273,  2.7139,  7.0450,  4.3446],
# expect:         [ 9.6317, -2.4235, -0.6384,  3.5243]])
print(grad_of(lambda t: t.clamp(-0.5, 0.5).sum() + t.clamp(min=0).sum()))
# expect: tensor([[0., 0., 1., 0.],
# expect:         [0., 2., 1., 1.],
# expect:         [1., 0., 1., 2.]])
print(grad_of(lambda t: (torch.tanh(t) + torch.sigmoid(t) + F.relu(t) + t.relu()).sum()))
# expect: tensor([[0.2052, 0.6212, 2.8409, 0.8578],
# expect:         [0.3421, 3.2171, 2.3491, 2.9067],
# expect:         [2.1902, 0.5202, 1.2214, 3.1015]])
print(grad_of(lambda t: F.softmax(t, dim=1)[:, 0].sum() + F.log_softmax(t, dim=0)[1].sum()))
# expect: tensor([[ 0.0265, -0.2025, -0.3188, -0.1365],
# expect:         [ 0.9979,  0.3614,  0.3864,  0.5028],
# expect:         [-0.7476, -0.1939, -0.1820, -0.4938]])
print(grad_of(lambda t: (t @ c.t()).sum() + torch.matmul(t, c[0]).sum()))
# expect: tensor([[ 1.2767, -1.2472, -2.0944, -5.8300],
# expect:         [ 1.2767, -1.2472, -2.0944, -5.8300],
# expect:         [ 1.2767, -1.2472, -2.0944, -5.8300]])
print(grad_of(lambda t: F.mse_loss(t, c) + F.mse_loss(t, c, reduction='sum')))
# expect: tensor([[-6.4329, -1.1893,  3.8754,  4.0575],
# expect:         [-4.6269, -0.2873,  3.7775,  1.8177],
# expect:         [ 7.6093, -1.0231, -1.0820,  1.9089]])
print(grad_of(lambda t: F.cross_entropy(t, torch.tensor([3, 0, 1])) + F.nll_loss(t, torch.tensor([1, 1, 2]), reduction='sum')))
# expect: tensor([[ 0.0166, -0.9598,  0.2226, -0.2794],
# expect:         [-0.3233, -0.9477,  0.1878,  0.0831],
# expect:         [ 0.2412, -0.3222, -0.9705,  0.0515]])
h = x * 2
h += c
h *= 3
x.grad = None
h.sum().backward()
print(x.grad)
# expect: tensor([[6., 6., 6., 6.],
# expect:         [6., 6., 6., 6.],
# expect:         [6., 6., 6., 6.]])
