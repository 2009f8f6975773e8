# A 10-layer tanh MLP: with PyTorch's default Linear init the activations shrink layer by
# layer, while Xavier (Glorot) init with the tanh gain keeps their spread steady.
# In the theory's terms (the page's phase diagram, or `cli.mjs FILE --theory`): the default
# Linear draws sigma_w^2 = fan_in * E[W^2] = 1/3, deep in the ordered phase (chi1 ~ 0.33), so
# the signal contracts; Xavier with gain 1 on square layers is sigma_w^2 = 1, the edge of chaos
# (chi1 = 1) for tanh without bias; the tanh gain 5/3 makes it 25/9 ~ 2.8, slightly chaotic
# (chi1 ~ 1.2) but with a depth scale (~12 layers) beyond these 10.
import torch
import torch.nn as nn


def make_mlp(depth=10, width=256):
    layers = []
    for _ in range(depth):
        layers.append(nn.Linear(width, width))
        layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def init_xavier(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))
        nn.init.zeros_(m.bias)


def tanh_stds(net, x):
    # std of the activations after each Tanh, calling the layers one by one
    stds = []
    h = x
    for layer in net:
        h = layer(h)
        if isinstance(layer, nn.Tanh):
            stds.append(h.std().item())
    return stds


torch.manual_seed(0)
default_model = make_mlp()
model = make_mlp()
model.apply(init_xavier)

x = torch.randn(512, 256)
default_stds = tanh_stds(default_model, x)
xavier_stds = tanh_stds(model, x)
print(f"gain('tanh') = {nn.init.calculate_gain('tanh'):.4f}")
print("std after each Tanh: default init vs xavier_uniform_")
for i in range(len(default_stds)):
    print(f"layer {i + 1}: default {default_stds[i]:.4f}  xavier {xavier_stds[i]:.4f}")

out = model(x)
print(f"output std: {out.std().item():.4f}")
