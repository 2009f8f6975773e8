import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.bn = nn.BatchNorm2d(6)
        self.fc = nn.Linear(24, 10, bias=False)


net = Net()
count = 0
for p in net.parameters():
    count += p.numel()
print(count)  # expect: 408
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
# expect: conv1.weight (6, 1, 5, 5) True
# expect: conv1.bias (6,) True
# expect: bn.weight (6,) True
# expect: bn.bias (6,) True
# expect: fc.weight (10, 24) True
print(sum(p.numel() for p in net.fc.parameters()))  # expect: 240
