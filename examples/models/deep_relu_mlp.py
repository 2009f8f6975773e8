# A 10-layer ReLU MLP: weights drawn from N(0, 1) make the activations explode (x ~11 per
# layer), while Kaiming (He) init, std = sqrt(2 / fan_in), keeps them in range.
# In the theory's terms: ReLU halves the second moment, so a layer multiplies the variance by
# sigma_w^2 / 2; He's sigma_w^2 = 2 is exactly critical (chi1 = 1), N(0, 1) has sigma_w^2 =
# fan_in = 256 (x sqrt(128) ~ 11 per layer), and PyTorch's default Linear (sigma_w^2 = 1/3)
# would shrink the signal by sqrt(1/6) per layer.
import torch
import torch.nn as nn


def make_mlp(depth=10, width=256):
    layers = []
    for _ in range(depth):
        layers.append(nn.Linear(width, width))
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def init_normal(m):
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, 0, 1)
        nn.init.zeros_(m.bias)


def init_kaiming(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity='relu')
        nn.init.zeros_(m.bias)


def relu_stds(net, x):
    # std of the activations after each ReLU, calling the layers one by one
    stds = []
    h = x
    for layer in net:
        h = layer(h)
        if isinstance(layer, nn.ReLU):
            stds.append(h.std().item())
    return stds


torch.manual_seed(0)
normal_model = make_mlp()
normal_model.apply(init_normal)
model = make_mlp()
model.apply(init_kaiming)

x = torch.randn(512, 256)
normal_stds = relu_stds(normal_model, x)
kaiming_stds = relu_stds(model, x)
print("std after each ReLU: normal_(0, 1) vs kaiming_normal_")
for i in range(len(normal_stds)):
    print(f"layer {i + 1}: normal {normal_stds[i]:.4f}  kaiming {kaiming_stds[i]:.4f}")

out = model(x)
print(f"output std: {out.std().item():.4f}")
