# The DCGAN generator and discriminator (Radford et al., 2015, as in the PyTorch examples) and
# the paper's weights_init: N(0, 0.02) for every convolution, N(1, 0.02) for BatchNorm's weight
# and 0 for its bias. The 0.02 is much smaller than PyTorch's default (kaiming_uniform_ with
# a = sqrt(5)): BatchNorm renormalizes the hidden layers, but the last ConvTranspose2d feeds
# Tanh directly, so the generator's images start near 0 (std about 0.2 against 0.56).
import torch
import torch.nn as nn

nz, ngf, ndf, nc = 64, 32, 32, 3


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False),      # 1x1 -> 4x4
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False),  # -> 8x8
            nn.BatchNorm2d(ngf * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False),  # -> 16x16
            nn.BatchNorm2d(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, nc, 4, 2, 1, bias=False),       # -> 32x32
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, 1, 4, 1, 0, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.main(x).view(-1)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = Generator()
model.apply(weights_init)
netD = Discriminator()
netD.apply(weights_init)

z = torch.randn(16, nz, 1, 1)
fake = model(z)
print(fake.shape)
print(f"fake std: {fake.std().item():.4f}")
print(f"D(fake) mean: {netD(fake).mean().item():.4f}")
