# A zero stride is PyTorch's error at the forward call, not a division by zero (found by the
# fuzzer in a ResNet block).
import torch
import torch.nn as nn

conv = nn.Conv2d(3, 4, kernel_size=3, stride=0, padding=1, bias=False)
print(conv)  # expect: Conv2d(3, 4, kernel_size=(3, 3), stride=(0, 0), padding=(1, 1), bias=False)
y = conv(torch.ones(1, 3, 8, 8))
# error: line 8: RuntimeError: non-positive stride is not supported
