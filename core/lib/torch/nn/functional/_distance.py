# F.cosine_similarity, F.pairwise_distance, F.bilinear and F.local_response_norm as PyTorch
# 1.13 computes them (ATen's Distance.cpp and Linear.cpp, torch/nn/functional.py), written
# over tensor ops so that autograd differentiates them. The op orders are the ones that
# reproduce PyTorch's float32 results (each checked against torch 1.13 on random inputs).
import torch as _torch
import torch.nn.functional as _F


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    # Both inputs broadcast first (a size-1 dim along `dim` takes the other's length), then
    # each is divided by its norm clamped to eps, and the products summed along dim: ATen's
    # order, which keeps the result within [-1, 1]. PyTorch clamps the norms without grad,
    # so the gradient goes through the unclamped norm.
    shape = (x1 * x2).shape
    a = x1.expand(shape)
    b = x2.expand(shape)
    na = (a * a).sum(dim, keepdim=True).sqrt()
    nb = (b * b).sum(dim, keepdim=True).sqrt()
    with _torch.no_grad():
        ca = na.clamp(min=eps) - na
        cb = nb.clamp(min=eps) - nb
    return ((a / (na + ca)) * (b / (nb + cb))).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    # ATen: norm(x1 - x2 + eps, p) over the last dim of the broadcast result. Spelled out
    # because initlab's Tensor.norm has no backward: p = 2 as sqrt(sum d*d), inf as the largest
    # |d|, 0 as the count of nonzeros (no gradient, as in PyTorch), others as
    # (sum |d|**p) ** (1/p).
    last = max(x1.dim(), x2.dim()) - 1
    diff = x1 - x2 + eps
    if last < 0:
        diff = diff.reshape(1)
        last = 0
        keepdim = False
    p = float(p)
    if p == 2.0:
        out = (diff * diff).sum(last, keepdim=keepdim).sqrt()
    elif p == float('inf'):
        out = diff.abs().max(last, keepdim=keepdim)[0]
    elif p == 0.0:
        out = (diff != 0).float().sum(last, keepdim=keepdim)
    elif p == 1.0:
        out = diff.abs().sum(last, keepdim=keepdim)
    else:
        out = diff.abs().pow(p).sum(last, keepdim=keepdim).pow(1.0 / p)
    return out


def bilinear(input1, input2, weight, bias=None):
    # y[b, o] = sum_ij x1[b, i] W[o, i, j] x2[b, j] + bias[o]. ATen's _trilinear: x1 times W
    # (as an in1 x (out*in2) matrix), then a batched product with x2. Leading dims are flattened
    # and restored, as ATen does.
    if input1.dim() != input2.dim():
        raise RuntimeError("bilinear(): input dimensions do not match: got {} and {}".format(input1.dim(), input2.dim()))
    for d in range(input1.dim() - 1):
        if input1.size(d) != input2.size(d):
            raise RuntimeError("bilinear(): input batch dimensions do not match at dim {}: got {} and {}".format(
                d, input1.size(d), input2.size(d)))
    out, in1, in2 = weight.size(0), weight.size(1), weight.size(2)
    if input1.size(-1) != in1:
        raise RuntimeError("bilinear(): input1 size does not match weight size: got {} but expected {}".format(
            input1.size(-1), in1))
    if input2.size(-1) != in2:
        raise RuntimeError("bilinear(): input2 size does not match weight size: got {} but expected {}".format(
            input2.size(-1), in2))
    if bias is not None and (bias.dim() != 1 or bias.size(0) != out):
        raise RuntimeError("bilinear(): bias size does not match weight size: got {} but expected {}".format(
            bias.size(0) if bias.dim() > 0 else 1, out))
    lead = list(input1.shape[:-1])
    a = input1.reshape(-1, in1)
    c = input2.reshape(-1, in2)
    t = _torch.matmul(a, weight.permute(1, 0, 2).reshape(in1, out * in2)).view(-1, out, in2)
    y = _torch.bmm(t, c.unsqueeze(2)).squeeze(2)
    if bias is not None:
        y = y + bias
    return y.reshape(lead + [out])


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    # PyTorch's formulation: the squares averaged over a window of `size` channels (zero
    # padded, size // 2 before and (size - 1) // 2 after), then x / (k + alpha * avg) ** beta.
    # PyTorch pools 4-D and larger inputs with avg_pool3d and a (size, 1, 1) kernel; the same
    # sums come from avg_pool2d over the spatial dims flattened into one, which initlab has.
    dim = input.dim()
    if dim < 3:
        raise ValueError("Expected 3D or higher dimensionality                          input (got {} dimensions)".format(dim))
    if input.numel() == 0:
        return input
    # (N, C, *) as (N, 1, C, L): one image of one channel, channels along its height.
    # (Flattened before the unsqueeze: initlab's tensors have at most 5 dims.)
    sizes = input.size()
    div = input.mul(input).reshape(sizes[0], 1, sizes[1], -1)
    div = _F.pad(div, (0, 0, size // 2, (size - 1) // 2))
    div = _F.avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div
