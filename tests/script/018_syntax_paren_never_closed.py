import torch
x = torch.zeros(2, 3
print(x)
# error: line 2: SyntaxError: '(' was never closed
