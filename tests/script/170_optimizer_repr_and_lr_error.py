import torch
import torch.nn as nn

# Optimizers print as PyTorch 1.13 prints them; SGD has no default learning rate.
model = nn.Linear(2, 2)
print(torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9))
# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     lr: 0.1
# expect:     maximize: False
# expect:     momentum: 0.9
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: )
print(torch.optim.Adam(model.parameters(), lr=0.01, amsgrad=True))
# expect: Adam (
# expect: Parameter Group 0
# expect:     amsgrad: True
# expect:     betas: (0.9, 0.999)
# expect:     capturable: False
# expect:     differentiable: False
# expect:     eps: 1e-08
# expect:     foreach: None
# expect:     fused: False
# expect:     lr: 0.01
# expect:     maximize: False
# expect:     weight_decay: 0
# expect: )
print(isinstance(torch.optim.Adam(model.parameters()), torch.optim.Adam))  # expect: True
opt = torch.optim.SGD(model.parameters())
# error: line 33: ValueError: parameter group didn't specify a value of required optimization parameter lr
