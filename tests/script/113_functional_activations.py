import torch
import torch.nn.functional as F

x = torch.tensor([-2.0, -0.5, 0.0, 1.5])
print(F.relu(x))  # expect: tensor([0.0000, 0.0000, 0.0000, 1.5000])
print(F.leaky_relu(x))  # expect: tensor([-0.0200, -0.0050,  0.0000,  1.5000])
print(F.leaky_relu(x, 0.2), F.leaky_relu(x, negative_slope=0.1)[0].item())  # expect: tensor([-0.4000, -0.1000,  0.0000,  1.5000]) -0.20000000298023224
print(F.elu(x), F.gelu(x))  # expect: tensor([-0.8647, -0.3935,  0.0000,  1.5000]) tensor([-0.0455, -0.1543,  0.0000,  1.3998])
print(F.silu(x), F.softplus(x))  # expect: tensor([-0.2384, -0.1888,  0.0000,  1.2264]) tensor([0.1269, 0.4741, 0.6931, 1.7014])
print(torch.sigmoid(x), torch.tanh(x))  # expect: tensor([0.1192, 0.3775, 0.5000, 0.8176]) tensor([-0.9640, -0.4621,  0.0000,  0.9051])
