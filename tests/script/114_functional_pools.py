import torch
import torch.nn.functional as F

x = torch.arange(16.).view(1, 1, 4, 4)
print(F.max_pool2d(x, 2))
# expect: tensor([[[[ 5.,  7.],
# expect:           [13., 15.]]]])
print(F.avg_pool2d(x, 2))
# expect: tensor([[[[ 2.5000,  4.5000],
# expect:           [10.5000, 12.5000]]]])
print(F.max_pool2d(x, kernel_size=3, stride=1).shape, F.avg_pool2d(x, 3, stride=1, padding=1).shape)  # expect: torch.Size([1, 1, 2, 2]) torch.Size([1, 1, 4, 4])
print(F.adaptive_avg_pool2d(x, (1, 1)), F.adaptive_avg_pool2d(x, 2).shape)  # expect: tensor([[[[7.5000]]]]) torch.Size([1, 1, 2, 2])
print(F.adaptive_avg_pool2d(torch.ones(2, 3, 7, 5), 1).shape)  # expect: torch.Size([2, 3, 1, 1])
