import torch.nn as nn

print(nn.MaxPool2d(2))  # expect: MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
print(nn.MaxPool2d(3, stride=2, padding=1))  # expect: MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)
print(nn.AvgPool2d(2))  # expect: AvgPool2d(kernel_size=2, stride=2, padding=0)
print(nn.AvgPool2d(3, 1, 1))  # expect: AvgPool2d(kernel_size=3, stride=1, padding=1)
print(nn.AdaptiveAvgPool2d((1, 1)))  # expect: AdaptiveAvgPool2d(output_size=(1, 1))
print(nn.AdaptiveAvgPool2d(7))  # expect: AdaptiveAvgPool2d(output_size=7)
print(nn.Dropout(), nn.Dropout(0.25), nn.Dropout(p=0.5, inplace=True))  # expect: Dropout(p=0.5, inplace=False) Dropout(p=0.25, inplace=False) Dropout(p=0.5, inplace=True)
print(nn.Identity(), nn.Flatten(), nn.Flatten(0))  # expect: Identity() Flatten(start_dim=1, end_dim=-1) Flatten(start_dim=0, end_dim=-1)
