import torch.nn as nn

print(nn.Linear(3, 1))  # expect: Linear(in_features=3, out_features=1, bias=True)
layer = nn.Linear(3)
# error: line 4: TypeError: __init__() missing 1 required positional argument: 'out_features'
