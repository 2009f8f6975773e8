# A small U-Net (Ronneberger et al., 2015, as milesial/Pytorch-UNet writes it) with PyTorch's
# default init, its decoder upsampling either by bilinear interpolation (no parameters, then a
# convolution) or by a learned ConvTranspose2d. Compare how each decoder's activations scale:
# the transposed convolution's default init is kaiming_uniform_(a=sqrt(5)) on a (in, out, 2, 2)
# weight, whose fan_in is out * 4.
import torch
import torch.nn as nn


class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.net(x)


class Up(nn.Module):
    def __init__(self, cin, cout, bilinear):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
        else:
            self.up = nn.ConvTranspose2d(cin, cin // 2, kernel_size=2, stride=2)
        self.conv = DoubleConv(cin + cin // 2 if bilinear else cin, cout)

    def forward(self, x, skip):
        return self.conv(torch.cat([skip, self.up(x)], dim=1))


class UNet(nn.Module):
    def __init__(self, channels=3, classes=2, bilinear=True):
        super().__init__()
        self.inc = DoubleConv(channels, 16)
        self.down1 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(16, 32))
        self.down2 = nn.Sequential(nn.MaxPool2d(2), DoubleConv(32, 64))
        self.up1 = Up(64, 32, bilinear)
        self.up2 = Up(32, 16, bilinear)
        self.outc = nn.Conv2d(16, classes, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x = self.up1(x3, x2)
        x = self.up2(x, x1)
        return self.outc(x)


torch.manual_seed(0)
model = UNet(bilinear=True)
x = torch.randn(4, 3, 32, 32)
out = model(x)
print(out.shape)
print(f"upsampled std: {model.up1.up(model.down2(model.down1(model.inc(x)))).std().item():.4f}")
print(f"output std: {out.std().item():.4f}")
