import torch
import torch.nn as nn


def initialize_weights(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_uniform_(m.weight, nonlinearity='relu')
        if m.bias is not None:
            nn.init.constant_(m.bias, 0)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.bias, 0)
    elif isinstance(m, nn.Linear):
        nn.init.kaiming_uniform_(m.weight)
        nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8, 4))
result = model.apply(initialize_weights)
print(result is model)  # expect: True
w = model[0].weight
print(f"{w.mean().item():.4f} {w.std().item():.4f} {w.abs().max().item():.4f}")  # expect: 0.0165 0.2802 0.4713
print(model[0].bias.abs().sum().item(), model[4].bias.sum().item())  # expect: 0.0 0.0
print(f"{model[4].weight[0, 0].item():.4f} {model[4].weight[3, 7].item():.4f}")  # expect: -0.7397 0.3544
print(model[1].weight.data[:3])  # expect: tensor([1., 1., 1.])
