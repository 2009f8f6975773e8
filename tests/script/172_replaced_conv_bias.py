# A convolution's bias must have one value per output channel (PyTorch's words).
import torch
import torch.nn as nn

conv = nn.Conv2d(1, 4, 3)
conv.bias = nn.Parameter(torch.zeros(1))
conv(torch.ones(1, 1, 5, 5))
# error: line 7: RuntimeError: Given weight of size [4, 1, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [1] instead
