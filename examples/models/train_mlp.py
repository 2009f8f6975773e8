# Training a small MLP to imitate a random "teacher" Linear layer: 20 steps of SGD with
# momentum on mean squared error, the whole loop as PyTorch writes it (forward, loss,
# zero_grad, backward, step). initlab prints the same losses as PyTorch.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
teacher = nn.Linear(8, 2)
x = torch.randn(256, 8)
with torch.no_grad():
    y = teacher(x) + 0.05 * torch.randn(256, 2)

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

for step in range(20):
    pred = model(x)
    loss = F.mse_loss(pred, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"step {step + 1:2d}  loss {loss.item():.4f}")

with torch.no_grad():
    final = F.mse_loss(model(x), y)
print(f"final loss {final.item():.4f}")
print(f"first-layer weight grad norm {model[0].weight.grad.norm().item():.4f}")
