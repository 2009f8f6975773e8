import torch
import torch.nn as nn


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(10, 20, 5)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = self.conv2(x)
        return x


net = CNN()
y = net(torch.ones(64, 1, 16, 16))
# error: line 13: RuntimeError: Given groups=1, weight of size [20, 10, 5, 5], expected input[64, 6, 12, 12] to have 10 channels, but got 6 channels instead
