import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_bn = nn.BatchNorm2d(20)
        self.dense1 = nn.Linear(320, 50)
        self.dense1_bn = nn.BatchNorm1d(50)
        self.dense2 = nn.Linear(50, num_classes)
        self.initialize_weights()

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_bn(self.conv2(x)), 2))
        x = F.relu(self.dense1_bn(self.dense1(x.view(-1, 320))))
        return F.log_softmax(self.dense2(x), dim=1)

    def initialize_weights(self):
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, (nn.BatchNorm2d, nn.BatchNorm1d)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = CNN()
x = torch.randn(64, 1, 28, 28)
with torch.no_grad():
    out = model(x)
print(out.shape, f"{model.conv1.weight.std().item():.4f}")  # expect: torch.Size([64, 10]) 0.2903
print(f"{out.mean().item():.3f} {out.exp().sum(dim=1).mean().item():.3f}")  # expect: -2.627 1.000
print(f"{out[0].max().item():.3f} {out.min().item():.3f}")  # expect: -1.454 -6.048
