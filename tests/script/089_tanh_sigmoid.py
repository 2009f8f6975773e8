import torch

x = torch.tensor([-2.0, 0.0, 0.5, 3.0])
print(torch.tanh(x))  # expect: tensor([-0.9640,  0.0000,  0.4621,  0.9951])
print(torch.sigmoid(x))  # expect: tensor([0.1192, 0.5000, 0.6225, 0.9526])
print(x.tanh().sum().item() == torch.tanh(x).sum().item())  # expect: True
print(torch.relu(x), x.relu().max().item())  # expect: tensor([0.0000, 0.0000, 0.5000, 3.0000]) 3.0
print(f"{torch.exp(x)[3].item():.4f}")  # expect: 20.0855
