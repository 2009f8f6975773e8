# A zero stride is PyTorch's error, not a division by zero (found by the fuzzer).
import torch
import torch.nn.functional as F

x = torch.ones(1, 1, 4, 4)
print(F.max_pool2d(x, 2).shape)  # expect: torch.Size([1, 1, 2, 2])
print(F.avg_pool2d(x, 3, stride=0, padding=1).shape)
# error: line 7: RuntimeError: stride should not be zero
