import torch.nn as nn

fc = nn.Linear(3, 2)
print(fc)  # expect: Linear(in_features=3, out_features=2, bias=True)
print(nn.Linear(320, 50, bias=False))  # expect: Linear(in_features=320, out_features=50, bias=False)
print(fc.weight.shape, fc.bias.shape, fc.in_features)  # expect: torch.Size([2, 3]) torch.Size([2]) 3
print(nn.Linear(4, 4, bias=False).bias)  # expect: None
print(repr(nn.Linear(in_features=1, out_features=1)))  # expect: Linear(in_features=1, out_features=1, bias=True)
