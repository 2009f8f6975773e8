import torch.nn as nn

layer = nn.Linear(3, 2)
print(layer.weight.requires_grad)  # expect: True
layer.weight.fill_(0.2)
# error: line 5: RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
