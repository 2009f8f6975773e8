import torch
import torch.nn as nn

features = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1),
    nn.BatchNorm2d(8),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(2),
)
model = nn.Sequential(features, nn.Flatten(), nn.Linear(8 * 14 * 14, 10))
print(model)
# expect: Sequential(
# expect:   (0): Sequential(
# expect:     (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
# expect:     (1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:     (2): ReLU(inplace=True)
# expect:     (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
# expect:   )
# expect:   (1): Flatten(start_dim=1, end_dim=-1)
# expect:   (2): Linear(in_features=1568, out_features=10, bias=True)
# expect: )
print(model[0][0], len(model), len(model[0]))  # expect: Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)) 3 4
print(model[-1].out_features, type(model[0][2]).__name__)  # expect: 10 ReLU
print(model(torch.zeros(2, 1, 28, 28)).shape)  # expect: torch.Size([2, 10])
