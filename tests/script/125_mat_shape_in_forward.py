import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 20, 5)
        self.fc1 = nn.Linear(300, 50)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv(x)), 2)
        x = x.view(x.size(0), -1)
        print(x.shape)
        return self.fc1(x)


model = Net()
out = model(torch.zeros(64, 1, 12, 12))
# expect: torch.Size([64, 320])
# error: line 16: RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x320 and 300x50)
