# What cannot derive: two built-in layers at once.
import torch.nn as nn


class Both(nn.Linear, nn.Conv2d):
    pass
# error: line 5: NotImplementedError: not supported in initlab: deriving a class from two built-in layers (torch.nn.modules.linear.Linear and torch.nn.modules.conv.Conv2d)
