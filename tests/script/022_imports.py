import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import nn as nn2
from torch.nn import init
import math
print(nn is nn2, init is nn.init, F is torch.nn.functional)  # expect: True True True
print(torch.nn.Linear is nn.Linear)  # expect: True
print(math.floor(2.7), init.calculate_gain('relu'))  # expect: 2 1.4142135623730951
