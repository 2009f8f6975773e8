import torch
import torch.nn.functional as F

x = torch.ones(1, 1, 4, 4)
print(F.adaptive_avg_pool2d(x, 0).shape)  # expect: torch.Size([1, 1, 0, 0])
F.adaptive_avg_pool2d(x, -2)
# error: line 6: RuntimeError: adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-2, -2}
