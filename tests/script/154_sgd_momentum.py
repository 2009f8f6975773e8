import torch
import torch.nn as nn
import torch.nn.functional as F

# SGD with momentum (and weight decay) over 5 steps: the losses PyTorch prints.
torch.manual_seed(1)
x = torch.randn(16, 4)
y = x @ torch.randn(4, 2) - 0.5
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)
for step in range(5):
    opt.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(f"{step} {loss.item():.4f}")
    # expect: 0 4.7079
    # expect: 1 4.2806
    # expect: 2 3.6045
    # expect: 3 2.8779
    # expect: 4 2.2347
print(model[2].bias)
# expect: Parameter containing:
# expect: tensor([-0.2008, -0.5480], requires_grad=True)
nesterov = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5, nesterov=True)
for step in range(2):
    nesterov.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    nesterov.step()
    print(f"{loss.item():.4f}")
    # expect: 1.7277
    # expect: 1.6929
