import torch
import torch.nn as nn

print(nn.Conv2d(3, 3, 3, dilation=0).dilation)  # expect: (0, 0)
conv = nn.Conv2d(3, 3, kernel_size=(3, 0))
print(conv.weight.shape)  # expect: torch.Size([3, 3, 3, 0])
conv(torch.ones(1, 3, 8, 8))
# error: line 7: RuntimeError: kernel size should be greater than zero, but got kernel_height: 3 kernel_width: 0
