import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_bn = nn.BatchNorm2d(20)
        self.dense1 = nn.Linear(in_features=320, out_features=50)
        self.dense1_bn = nn.BatchNorm1d(50)
        self.dense2 = nn.Linear(50, num_classes)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_bn(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.dense1_bn(self.dense1(x)))
        return F.log_softmax(self.dense2(x), dim=1)


torch.manual_seed(0)
model = CNN()
print(model)
# expect: CNN(
# expect:   (conv1): Conv2d(1, 10, kernel_size=(5, 5), stride=(1, 1))
# expect:   (conv2): Conv2d(10, 20, kernel_size=(5, 5), stride=(1, 1))
# expect:   (conv2_bn): BatchNorm2d(20, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:   (dense1): Linear(in_features=320, out_features=50, bias=True)
# expect:   (dense1_bn): BatchNorm1d(50, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:   (dense2): Linear(in_features=50, out_features=10, bias=True)
# expect: )
print(model(torch.randn(64, 1, 28, 28)).shape)  # expect: torch.Size([64, 10])
print(f"{model.conv1.weight[0, 0, 0, 0].item():.4f} {model.dense2.bias[9].item():.4f}")  # expect: -0.0015 0.1030
