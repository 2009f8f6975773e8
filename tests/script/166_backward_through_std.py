import torch

# initlab cannot differentiate std() yet: the result prints as in PyTorch, its value works,
# and a backward pass through it stops with a clear error instead of a wrong gradient.
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
s = x.std()
print(s, s.item() > 1)  # expect: tensor(1.5275, grad_fn=<StdBackward0>) True
(x.mean() * 2).backward()
print(x.grad)  # expect: tensor([0.6667, 0.6667, 0.6667])
(s * 2).backward()
# error: line 10: NotImplementedError: not supported in initlab: gradients through Tensor.std() (write it with mean() and ** 2)
