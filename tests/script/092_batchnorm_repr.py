import torch.nn as nn

print(nn.BatchNorm1d(10))  # expect: BatchNorm1d(10, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
print(nn.BatchNorm2d(16))  # expect: BatchNorm2d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
print(nn.BatchNorm2d(8, momentum=None))  # expect: BatchNorm2d(8, eps=1e-05, momentum=None, affine=True, track_running_stats=True)
bn = nn.BatchNorm2d(8, affine=False)
print(bn)  # expect: BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=False, track_running_stats=True)
print(bn.weight, bn.running_mean.shape, bn.num_batches_tracked)  # expect: None torch.Size([8]) tensor(0)
print(nn.BatchNorm1d(4, eps=1e-3, momentum=0.01, track_running_stats=False))  # expect: BatchNorm1d(4, eps=0.001, momentum=0.01, affine=True, track_running_stats=False)
b2 = nn.BatchNorm2d(3)
print(b2.weight, b2.running_var)
# expect: Parameter containing:
# expect: tensor([1., 1., 1.], requires_grad=True) tensor([1., 1., 1.])
