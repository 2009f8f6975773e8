# memory_format= (torch.channels_last ...): accepted where PyTorch takes it, values unchanged
# (U-Net's model.to(memory_format=torch.channels_last)); layout queries answer honestly.
import torch
import torch.nn as nn

print(torch.channels_last, torch.contiguous_format, torch.preserve_format, torch.channels_last_3d)
torch.manual_seed(0)
conv = nn.Conv2d(3, 4, 3)
w = conv.weight.clone()
conv = conv.to(memory_format=torch.channels_last)
x = torch.randn(2, 3, 5, 5)
y = x.to(device=torch.device('cpu'), dtype=torch.float32, memory_format=torch.channels_last)
print(torch.equal(conv.weight, w), torch.equal(x, y), conv(y).shape)
nhwc = torch.randn(2, 5, 5, 3).permute(0, 3, 1, 2)
print(nhwc.is_contiguous(), nhwc.is_contiguous(memory_format=torch.channels_last), x.is_contiguous(memory_format=torch.channels_last))
print(torch.ones(1, 1, 2, 2).is_contiguous(memory_format=torch.channels_last), x.contiguous(memory_format=torch.contiguous_format).is_contiguous())

# PyTorch 1.13 printed:
# expect: torch.channels_last torch.contiguous_format torch.preserve_format torch.channels_last_3d
# expect: True True torch.Size([2, 4, 3, 3])
# expect: False True False
# expect: True True
