import torch

x = torch.randn(3)
y = (x * 2).sum()
print(y.requires_grad)  # expect: False
y.backward()
# error: line 6: RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
