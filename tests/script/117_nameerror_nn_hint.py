import torch

x = torch.zeros(2)
print(x.shape)  # expect: torch.Size([2])
layer = nn.Linear(2, 2)
# error: line 5: NameError: name 'nn' is not defined (add 'import torch.nn as nn')
