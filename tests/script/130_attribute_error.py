import torch.nn as nn

layer = nn.Linear(2, 2)
print(layer.in_features)  # expect: 2
print(layer.foo)
# error: line 5: AttributeError: 'Linear' object has no attribute 'foo'
