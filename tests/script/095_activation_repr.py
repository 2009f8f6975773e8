import torch.nn as nn

print(nn.ReLU(), nn.ReLU(inplace=True))  # expect: ReLU() ReLU(inplace=True)
print(nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.LeakyReLU(0.1, inplace=True))  # expect: LeakyReLU(negative_slope=0.01) LeakyReLU(negative_slope=0.2) LeakyReLU(negative_slope=0.1, inplace=True)
print(nn.ELU(), nn.ELU(alpha=0.5), nn.SELU(), nn.SiLU())  # expect: ELU(alpha=1.0) ELU(alpha=0.5) SELU() SiLU()
print(nn.GELU(), nn.GELU(approximate='tanh'))  # expect: GELU(approximate='none') GELU(approximate='tanh')
print(nn.Tanh(), nn.Sigmoid(), nn.Softplus(), nn.Softplus(beta=2, threshold=10))  # expect: Tanh() Sigmoid() Softplus(beta=1, threshold=20) Softplus(beta=2, threshold=10)
print(nn.Softmax(dim=1), nn.LogSoftmax(dim=1), nn.Softmax(-1))  # expect: Softmax(dim=1) LogSoftmax(dim=1) Softmax(dim=-1)
