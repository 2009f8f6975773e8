import torch
import torch.nn as nn

lin = nn.Linear(2, 2)
print(lin.weight.detach().numpy().shape)
w = lin.weight.numpy()
# expect: (2, 2)
# error: line 6: RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.
