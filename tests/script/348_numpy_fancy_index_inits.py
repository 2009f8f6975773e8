# Inits built with numpy's advanced indexing: FCN's bilinear upsampling kernel (np.ogrid, two
# index arrays), a Dirac (identity) conv kernel, and index arrays that broadcast together.
import numpy as np
import torch
import torch.nn as nn


def get_upsampling_weight(in_channels, out_channels, kernel_size):
    factor = (kernel_size + 1) // 2
    if kernel_size % 2 == 1:
        center = factor - 1
    else:
        center = factor - 0.5
    og = np.ogrid[:kernel_size, :kernel_size]
    filt = (1 - abs(og[0] - center) / factor) * (1 - abs(og[1] - center) / factor)
    weight = np.zeros((in_channels, out_channels, kernel_size, kernel_size), dtype=np.float64)
    weight[range(in_channels), range(out_channels), :, :] = filt
    return torch.from_numpy(weight).float()


conv = nn.Conv2d(4, 4, 4, bias=False)
conv.weight.data.copy_(get_upsampling_weight(4, 4, 4))
print(conv.weight[1, 1], conv.weight[0, 1].abs().sum().item(), conv.weight.sum().item())
dirac = np.zeros((6, 6, 3, 3), np.float32)
dirac[np.arange(6), np.arange(6), 1, 1] = 1.0
conv2 = nn.Conv2d(6, 6, 3, padding=1, bias=False)
conv2.weight.data = torch.from_numpy(dirac)
x = torch.randn(1, 6, 5, 5)
print(torch.equal(conv2(x), x), dirac.sum(), dirac[2, 2], dirac[2, 3].any())
a = np.arange(24).reshape(2, 3, 4)
print(a[[0, 1], [1, 2]], a[[0, 1], :, [1, 3]], a[:, [0, 2], [1, 3]], a[[[0], [1]], [0, 2]].shape, a[0, [True, False, True]], a[[1, 0], 1:, 0])
b = np.zeros(5)
b[[0, 2, 4]] += 1
print(b, a[np.array([1]), np.array([2]), np.array([3])], np.mgrid[0:2, 0:3].shape, np.ogrid[0:1:0.25], np.mgrid[:3])
# expect: tensor([[0.0625, 0.1875, 0.1875, 0.0625],
# expect:         [0.1875, 0.5625, 0.5625, 0.1875],
# expect:         [0.1875, 0.5625, 0.5625, 0.1875],
# expect:         [0.0625, 0.1875, 0.1875, 0.0625]], grad_fn=<SelectBackward0>) 0.0 16.0
# expect: True 6.0 [[0. 0. 0.]
# expect:  [0. 1. 0.]
# expect:  [0. 0. 0.]] False
# expect: [[ 4  5  6  7]
# expect:  [20 21 22 23]] [[ 1  5  9]
# expect:  [15 19 23]] [[ 1 11]
# expect:  [13 23]] (2, 2, 4) [[ 0  1  2  3]
# expect:  [ 8  9 10 11]] [[16 20]
# expect:  [ 4  8]]
# expect: [1. 0. 1. 0. 1.] [23] (2, 2, 3) [0.   0.25 0.5  0.75] [0 1 2]
