import torch
import torch.nn as nn
import torch.nn.functional as F

# Training with dropout in the model: every step draws a fresh mask from the global generator,
# so the losses follow PyTorch's only if the masks and the generator's advance do.
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 8), nn.Tanh(),
                      nn.AlphaDropout(0.2), nn.Linear(8, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(10, 6)
target = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
model.train()
for step in range(5):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), target)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.4f}")
print(f"{model[0].weight.grad.abs().sum().item():.4f}", torch.rand(2))
model.eval()
print(f"{F.cross_entropy(model(x), target).item():.4f}", torch.rand(2))

# CPython 3.11 printed:
# expect: 0 1.2301
# expect: 1 1.2753
# expect: 2 1.0823
# expect: 3 1.3270
# expect: 4 1.0403
# expect: 0.4779 tensor([0.4374, 0.4506])
# expect: 1.0548 tensor([0.4913, 0.1277])
