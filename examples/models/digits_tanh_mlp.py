# A 10-layer tanh MLP for the 8x8 digits (64 pixels in, 10 classes out), to train in the
# playground. Xavier (Glorot) init with tanh's gain 5/3 keeps the signal's variance through
# the layers; PyTorch's default Linear init (std 1 / sqrt(3 fan_in)) shrinks it layer by layer,
# so the first layers learn slowly; N(0, 1) saturates every tanh at +-1, where the gradient
# is ~0, and learning stalls.
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, depth=10, width=128):
        super().__init__()
        layers = [nn.Linear(64, width), nn.Tanh()]
        for _ in range(depth - 2):
            layers += [nn.Linear(width, width), nn.Tanh()]
        layers.append(nn.Linear(width, 10))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def initialize_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))
        nn.init.zeros_(m.bias)


torch.manual_seed(0)
model = MLP()
model.apply(initialize_weights)

x = torch.rand(64, 64)
print(f"output std {model(x).std().item():.4f}")
