# 20 steps of SGD with momentum on a small CNN (conv, train-mode BatchNorm, ReLU, max-pool,
# linear, log_softmax, NLL), mini-batches drawn with torch.randperm: every step's loss is
# compared with PyTorch's (tests/fixtures/make_train_fixtures.py).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(64, 1, 12, 12)
teacher = nn.Sequential(nn.Flatten(), nn.Linear(144, 10))
with torch.no_grad():
    y = teacher(x).argmax(1)

model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(4 * 5 * 5, 10), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for step in range(20):
    idx = torch.randperm(64)[:16]
    loss = F.nll_loss(model(x[idx]), y[idx])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(loss.item())
