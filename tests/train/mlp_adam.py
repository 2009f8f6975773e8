# 20 steps of Adam on a tanh MLP with cross-entropy, mini-batches drawn with torch.randperm:
# every step's loss is compared with PyTorch's (tests/fixtures/make_train_fixtures.py).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
x = torch.randn(128, 16)
teacher = nn.Linear(16, 4)
with torch.no_grad():
    y = teacher(x).argmax(1)

model = nn.Sequential(nn.Linear(16, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-4)
for step in range(20):
    idx = torch.randperm(128)[:32]
    loss = F.cross_entropy(model(x[idx]), y[idx])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(loss.item())
