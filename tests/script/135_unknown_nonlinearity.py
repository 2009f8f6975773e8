import torch.nn as nn

print(nn.init.calculate_gain('relu') > 1)  # expect: True
gain = nn.init.calculate_gain('swish')
# error: line 4: ValueError: Unsupported nonlinearity swish
