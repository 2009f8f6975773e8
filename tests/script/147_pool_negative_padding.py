import torch
import torch.nn as nn

pool = nn.MaxPool2d(2, padding=-1)
pool(torch.ones(1, 1, 4, 4))
# error: line 5: RuntimeError: pad must be non-negative, but got pad: -1
