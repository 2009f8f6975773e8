# Why weights must not all start equal: with zero or constant weights every hidden unit
# computes the same thing (and would get the same gradient), so the symmetry never breaks.
import torch
import torch.nn as nn


def make_mlp():
    return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))


def hidden_spread(net, x):
    # std across the 16 hidden units of the first layer's output, for the first sample
    h = net[0](x)
    return h[0].std().item()


torch.manual_seed(0)
default_model = make_mlp()

zero_model = make_mlp()
for layer in zero_model:
    if isinstance(layer, nn.Linear):
        nn.init.zeros_(layer.weight)
        nn.init.zeros_(layer.bias)

model = make_mlp()
for layer in model:
    if isinstance(layer, nn.Linear):
        with torch.no_grad():
            layer.weight.fill_(0.2)
        nn.init.zeros_(layer.bias)

data_model = make_mlp()
for layer in data_model:
    if isinstance(layer, nn.Linear):
        layer.weight.data.fill_(0.2)
        layer.bias.data.zero_()

print(model)
x = torch.randn(5, 8)
print(f"default init: hidden std across units {hidden_spread(default_model, x):.4f}")
print(f"zeros_:       hidden std across units {hidden_spread(zero_model, x):.4f}")
print(f"fill_(0.2):   hidden std across units {hidden_spread(model, x):.4f}")
print(f".data.fill_:  hidden std across units {hidden_spread(data_model, x):.4f}")
h = model[0](x)
print(f"hidden unit 0 = {h[0, 0].item():.4f}, unit 15 = {h[0, 15].item():.4f}")

out = model(x)
print(f"outputs of sample 0: {out[0, 0].item():.4f} {out[0, 1].item():.4f} {out[0, 2].item():.4f} {out[0, 3].item():.4f}")
print(f"same as the .data model: {torch.equal(out, data_model(x))}")
print(f"zeros_ model output std: {zero_model(x).std().item():.4f}")
