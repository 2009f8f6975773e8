import torch
import torch.nn as nn

b = torch.empty(10)
nn.init.zeros_(b)
print(b.sum().item())  # expect: 0.0
nn.init.kaiming_uniform_(b)
# error: line 7: ValueError: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions
