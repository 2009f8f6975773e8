# Advanced indexing with integer and boolean tensors (and lists) of any rank, alone or with
# slices, ints and Ellipsis, as PyTorch places the result dims; gradients; errors.
import torch

torch.manual_seed(0)
x = torch.randn(4, 5, 6, requires_grad=True)
i = torch.tensor([[0, 3], [1, 1]])
print(x[i].shape, x[:, [-1], :].shape, x[0, [1, 2]].shape, x[:, i].shape, x[..., torch.tensor([5, 0])].shape)
print(x[torch.arange(4), torch.tensor([0, 1, 2, 4])].shape, x[[0, 1], [2, 3], [4, 5]])
m = x[:, :, 0] > 0
print(x[m].shape, x[x > 1.5].shape, x[0][x[0] > 1.8])
t = torch.arange(10)
print(t[t > 6], t[[True, False] * 5], t[torch.tensor([[1, 2], [3, 9]])])
y = x[torch.arange(4), torch.tensor([0, 1, 2, 4])]
(y * 2).sum().backward()
print(x.grad.sum(), x.grad[1, 1])
logits = torch.randn(3, 5)
targets = torch.tensor([4, 0, 2])
print(logits[torch.arange(3), targets], logits[range(3), [4, 0, 2]] if False else logits[[0, 1, 2], [4, 0, 2]])
for bad in [torch.tensor([9]), torch.tensor([1.0])]:
    try:
        x[bad]
    except IndexError as e:
        print(e)

# CPython 3.11 printed:
# expect: torch.Size([2, 2, 5, 6]) torch.Size([4, 1, 6]) torch.Size([2, 6]) torch.Size([4, 2, 2, 6]) torch.Size([4, 5, 2])
# expect: torch.Size([4, 6]) tensor([-1.3527, -0.3918], grad_fn=<IndexBackward0>)
# expect: torch.Size([11, 6]) torch.Size([9]) tensor([1.8530], grad_fn=<IndexBackward0>)
# expect: tensor([7, 8, 9]) tensor([0, 2, 4, 6, 8]) tensor([[1, 2],
# expect:         [3, 9]])
# expect: tensor(48.) tensor([2., 2., 2., 2., 2., 2.])
# expect: tensor([-1.3360,  0.8871,  0.1318]) tensor([-1.3360,  0.8871,  0.1318])
# expect: index 9 is out of bounds for dimension 0 with size 4
# expect: tensors used as indices must be long, byte or bool tensors
