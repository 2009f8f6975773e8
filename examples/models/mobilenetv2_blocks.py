# MobileNetV2's inverted residual blocks (Sandler et al., 2018, as torchvision writes them):
# a 1x1 expansion, a 3x3 depthwise convolution (groups = channels), ReLU6, and a linear 1x1
# projection, initialized the torchvision way (kaiming_normal_ fan_out for the convolutions,
# BatchNorm to 1 / 0). zero_init_last sets each block's last BatchNorm weight to 0, so every
# residual block starts as the identity.
import torch
import torch.nn as nn


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        self.use_res = stride == 1 and cin == cout
        self.conv = nn.Sequential(
            nn.Conv2d(cin, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, cout, 1, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return x + self.conv(x) if self.use_res else self.conv(x)


class MobileNetV2Blocks(nn.Module):
    def __init__(self, zero_init_last=False):
        super().__init__()
        layers = [nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU6(inplace=True)]
        for cin, cout, stride in [(16, 16, 1), (16, 24, 2), (24, 24, 1), (24, 24, 1)]:
            layers.append(InvertedResidual(cin, cout, stride, expand=6))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(24, 10)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out')
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.zeros_(m.bias)
        if zero_init_last:
            for m in self.modules():
                if isinstance(m, InvertedResidual) and m.use_res:
                    nn.init.zeros_(m.conv[7].weight)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(nn.functional.adaptive_avg_pool2d(x, (1, 1)), 1)
        return self.classifier(x)


torch.manual_seed(0)
model = MobileNetV2Blocks(zero_init_last=False)
x = torch.randn(8, 3, 32, 32)
out = model(x)
print(out.shape)
print(f"features std: {model.features(x).std().item():.4f}")
print(f"output std: {out.std().item():.4f}")
