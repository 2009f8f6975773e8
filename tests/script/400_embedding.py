# nn.Embedding and F.embedding as PyTorch 1.13 has them: repr, default init (normal_ then the
# padding row zeroed; negative padding_idx counted from the end), forward on an int64 index
# tensor of any shape, the gradient (scatter-add, nothing for the padding row), max_norm's
# in-place renorm, from_pretrained, and the errors in PyTorch's words.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
e = nn.Embedding(5, 3, padding_idx=-2)
print(e, e.padding_idx, e.num_embeddings, e.embedding_dim)
print(e.weight)
print(type(e).__name__, isinstance(e, nn.Module), isinstance(e, nn.Embedding))
x = torch.tensor([[1, 3], [4, 3]])
y = e(x)
print(y.shape, y.dtype, x.dtype, y.grad_fn.name())
y.sum().backward()
print(e.weight.grad)
print(list(e.state_dict().keys()))
print(e(torch.tensor(2)).shape, e(torch.zeros(2, 0, dtype=torch.long)).shape)
p = nn.Embedding.from_pretrained(torch.ones(2, 2))
print(p, p.weight.requires_grad)
q = nn.Embedding.from_pretrained(torch.ones(3, 2), freeze=False, padding_idx=0)
print(q, q.weight.requires_grad, q.weight)
e2 = nn.Embedding(4, 2, max_norm=1.0, scale_grad_by_freq=True, norm_type=1.0)
print(e2)
print(e2(torch.tensor([0, 0, 1])))
print(e2.weight)
w = torch.randn(4, 3, requires_grad=True)
out = F.embedding(torch.tensor([[0, 1], [1, 1]]), w, padding_idx=0, scale_grad_by_freq=True)
(out * 2).sum().backward()
print(w.grad)
print(nn.Embedding(3, 2, sparse=False, scale_grad_by_freq=True))
for bad in [torch.tensor([1.0]), torch.tensor([7]), torch.tensor([-1])]:
    try:
        e(bad)
    except (RuntimeError, IndexError) as err:
        print(type(err).__name__, err)
for kw in [dict(padding_idx=5), dict(padding_idx=-6)]:
    try:
        nn.Embedding(5, 2, **kw)
    except AssertionError as err:
        print("AssertionError", err)
try:
    nn.Embedding(2, 2, _weight=torch.ones(3, 2))
except AssertionError as err:
    print("AssertionError", err)

# CPython 3.11 printed:
# expect: Embedding(5, 3, padding_idx=3) 3 5 3
# expect: Parameter containing:
# expect: tensor([[ 1.5410, -0.2934, -2.1788],
# expect:         [ 0.5684, -1.0845, -1.3986],
# expect:         [ 0.4033,  0.8380, -0.7193],
# expect:         [ 0.0000,  0.0000,  0.0000],
# expect:         [-0.8567,  1.1006, -1.0712]], requires_grad=True)
# expect: Embedding True True
# expect: torch.Size([2, 2, 3]) torch.float32 torch.int64 EmbeddingBackward0
# expect: tensor([[0., 0., 0.],
# expect:         [1., 1., 1.],
# expect:         [0., 0., 0.],
# expect:         [0., 0., 0.],
# expect:         [1., 1., 1.]])
# expect: ['weight']
# expect: torch.Size([3]) torch.Size([2, 0, 3])
# expect: Embedding(2, 2) False
# expect: Embedding(3, 2, padding_idx=0) True Parameter containing:
# expect: tensor([[1., 1.],
# expect:         [1., 1.],
# expect:         [1., 1.]], requires_grad=True)
# expect: Embedding(4, 2, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True)
# expect: tensor([[ 0.1227, -0.5663],
# expect:         [ 0.1227, -0.5663],
# expect:         [ 0.2949, -0.7051]], grad_fn=<EmbeddingBackward0>)
# expect: Parameter containing:
# expect: tensor([[ 0.1227, -0.5663],
# expect:         [ 0.2949, -0.7051],
# expect:         [-1.5091,  0.3704],
# expect:         [ 1.4565,  0.9398]], requires_grad=True)
# expect: tensor([[0., 0., 0.],
# expect:         [2., 2., 2.],
# expect:         [0., 0., 0.],
# expect:         [0., 0., 0.]])
# expect: Embedding(3, 2, scale_grad_by_freq=True)
# expect: RuntimeError Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)
# expect: IndexError index out of range in self
# expect: IndexError index out of range in self
# expect: AssertionError Padding_idx must be within num_embeddings
# expect: AssertionError Padding_idx must be within num_embeddings
# expect: AssertionError Shape of weight does not match num_embeddings and embedding_dim
