import torch.nn as nn
from torch.nn import init

print(init.calculate_gain('linear'), init.calculate_gain('conv2d'), init.calculate_gain('sigmoid'))  # expect: 1 1 1
print(init.calculate_gain('tanh'), init.calculate_gain('relu'))  # expect: 1.6666666666666667 1.4142135623730951
print(nn.init.calculate_gain('leaky_relu'), nn.init.calculate_gain('leaky_relu', 0.2))  # expect: 1.4141428569978354 1.3867504905630728
print(nn.init.calculate_gain('selu'), nn.init.calculate_gain('conv_transpose2d'))  # expect: 0.75 1
print(f"{nn.init.calculate_gain('leaky_relu', param=0.01):.6f}")  # expect: 1.414143
