import torch.nn as nn

print(nn.Conv2d(3, 16, 3))  # expect: Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1))
print(nn.Conv2d(3, 16, 3, stride=2, padding=1, bias=False))  # expect: Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)
print(nn.Conv2d(4, 8, (3, 5), padding='same'))  # expect: Conv2d(4, 8, kernel_size=(3, 5), stride=(1, 1), padding=same)
print(nn.Conv2d(4, 8, 3, padding='valid'))  # expect: Conv2d(4, 8, kernel_size=(3, 3), stride=(1, 1), padding=valid)
print(nn.Conv2d(4, 8, 3, dilation=2, groups=2))  # expect: Conv2d(4, 8, kernel_size=(3, 3), stride=(1, 1), dilation=(2, 2), groups=2)
print(nn.Conv2d(4, 4, 3, groups=4, padding=(1, 2)))  # expect: Conv2d(4, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 2), groups=4)
print(nn.Conv1d(3, 8, 5, stride=2, padding=1))  # expect: Conv1d(3, 8, kernel_size=(5,), stride=(2,), padding=(1,))
print(nn.Conv1d(2, 4, 3, padding='same', dilation=2, bias=False))  # expect: Conv1d(2, 4, kernel_size=(3,), stride=(1,), padding=same, dilation=(2,), bias=False)
c = nn.Conv2d(4, 8, 3, groups=2)
print(c.weight.shape, c.kernel_size, c.stride, c.padding)  # expect: torch.Size([8, 2, 3, 3]) (3, 3) (1, 1) (0, 0)
