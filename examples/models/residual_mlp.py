# A 50-block residual MLP for the 8x8 digits with no normalization layer, where the
# initialization alone decides whether depth trains. Each block adds branch(x) = W2 relu(W1 x)
# to its input, so with PyTorch's default init the variances add up block after block, and
# with SGD at lr 0.05 (the preset's) the first steps diverge to NaN. Two published fixes,
# written here with plain torch ops:
#   Fixup (Zhang, Dauphin & Ma 2019): zero the last layer of every branch and the classifier,
#     scale the branch's other layers by L^(-1/(2m-2)) (L blocks of m = 2 layers: 1/sqrt(L)),
#     and add scalar biases before each layer and a scalar multiplier on the branch;
#   ReZero (Bachlechner et al. 2020; SkipInit, De & Smith 2020): a scalar alpha on each branch,
#     initialized to 0, so every block starts as the identity.
# Both start the network as (nearly) a shallow one; the training panel shows what that buys.
import math

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, width, scheme):
        super().__init__()
        self.scheme = scheme
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)
        if scheme == 'fixup':
            self.bias1 = nn.Parameter(torch.zeros(1))
            self.bias2 = nn.Parameter(torch.zeros(1))
            self.scale = nn.Parameter(torch.ones(1))
        if scheme == 'rezero':
            self.alpha = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        if self.scheme == 'fixup':
            h = torch.relu(self.fc1(x + self.bias1))
            return x + self.scale * self.fc2(h + self.bias2)
        h = self.fc2(torch.relu(self.fc1(x)))
        if self.scheme == 'rezero':
            return x + self.alpha * h
        return x + h


class ResidualMLP(nn.Module):
    def __init__(self, blocks=50, width=64, scheme='fixup'):
        super().__init__()
        self.stem = nn.Linear(64, width)
        self.blocks = nn.Sequential(*[Block(width, scheme) for _ in range(blocks)])
        self.head = nn.Linear(width, 10)
        if scheme == 'fixup':
            for b in self.blocks:
                # He init scaled by L^(-1/2), biases of the layers replaced by the scalars.
                nn.init.normal_(b.fc1.weight, 0, math.sqrt(2 / width) * blocks ** -0.5)
                nn.init.zeros_(b.fc1.bias)
                nn.init.zeros_(b.fc2.weight)
                nn.init.zeros_(b.fc2.bias)
            nn.init.zeros_(self.head.weight)
            nn.init.zeros_(self.head.bias)

    def forward(self, x):
        return self.head(self.blocks(torch.relu(self.stem(x))))


torch.manual_seed(0)
model = ResidualMLP(scheme='fixup')

x = torch.rand(64, 64)
out = model(x)
print(f"output std {out.std().item():.4f}")
