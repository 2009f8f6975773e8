# Tensor.view on every layout PyTorch accepts (the nanoGPT bug: a view of a slice of the last
# dim), the layouts it refuses with PyTorch's message, reshape's view-or-copy, writes through
# such views, and int64/bool kept through torch.cat, zeros_like, arange, -x and the like.
import torch

a = torch.arange(2 * 5 * 12.).view(2, 5, 12)
v = a[:, :, 4:8].view(2, 5, 2, 2)
print(v.shape, v.stride(), v[1, 4])
print(a.transpose(0, 1)[:, :, 3:5].view(5, 2, 2).shape, a[:, 1].view(2, 3, 4).shape, a[:, 1:3].view(2, 2, 3, 4).shape)
print(a.permute(2, 0, 1).reshape(12, 10).shape, a[0].t().reshape(60)[:5])
print(torch.ones(3, 1).expand(3, 4).view(3, 2, 2).shape, a[:, 2:4, :].view(2, 24).shape if a[:, 2:4, :].is_contiguous() else 'copy')
for f in [lambda: a.transpose(1, 2).view(2, 60), lambda: a[:, :, ::2].view(-1), lambda: a[0].t().view(60)]:
    try:
        f()
    except RuntimeError as e:
        print(e)
w = a.clone()
w[:, :, 4:8].view(2, 5, 2, 2)[0, 0, 0, 0] = -1.0
print(w[0, 0, 4])
i = torch.arange(6).view(2, 3)
print(torch.cat([i, i]).dtype, torch.cat([i, i.float()]).dtype, torch.cat([i > 2, i > 3]).dtype)
print(torch.zeros_like(i).dtype, torch.ones_like(i > 1).dtype, torch.full_like(i, 2.7), torch.zeros_like(i, dtype=torch.float).dtype)
print(torch.arange(3, dtype=torch.long).dtype, torch.arange(3.0).dtype, torch.arange(3, dtype=torch.float), (-i).dtype)
print(torch.zeros(2, dtype=torch.long), torch.ones(2, dtype=torch.bool), i.new_zeros(2).dtype, i.sum((0, 1)).dtype)
print(torch.stack([i, i]).dtype, i.repeat(1, 2).dtype, i.masked_fill(i > 2, 9), torch.where(i > 1, i, -1))
print(i.long().dtype, i.float().dtype, i.to(torch.float).dtype, i.bool(), i[1, 2].item(), type(i[0, 0].item()).__name__)
print(torch.tensor([True, False]), torch.tensor([[1, 0]]).bool().dtype, i.cumsum(1), i.topk(1)[0].dtype, i.gather(1, torch.tensor([[0], [2]])))

# CPython 3.11 printed:
# expect: torch.Size([2, 5, 2, 2]) (60, 12, 2, 1) tensor([[112., 113.],
# expect:         [114., 115.]])
# expect: torch.Size([5, 2, 2]) torch.Size([2, 3, 4]) torch.Size([2, 2, 3, 4])
# expect: torch.Size([12, 10]) tensor([ 0., 12., 24., 36., 48.])
# expect: torch.Size([3, 2, 2]) copy
# expect: view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.
# expect: view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.
# expect: tensor(-1.)
# expect: torch.int64 torch.float32 torch.bool
# expect: torch.int64 torch.bool tensor([[2, 2, 2],
# expect:         [2, 2, 2]]) torch.float32
# expect: torch.int64 torch.float32 tensor([0., 1., 2.]) torch.int64
# expect: tensor([0, 0]) tensor([True, True]) torch.int64 torch.int64
# expect: torch.int64 torch.int64 tensor([[0, 1, 2],
# expect:         [9, 9, 9]]) tensor([[-1, -1,  2],
# expect:         [ 3,  4,  5]])
# expect: torch.int64 torch.float32 torch.float32 tensor([[False,  True,  True],
# expect:         [ True,  True,  True]]) 5 int
# expect: tensor([ True, False]) torch.bool tensor([[ 0,  1,  3],
# expect:         [ 3,  7, 12]]) torch.int64 tensor([[0],
# expect:         [5]])
