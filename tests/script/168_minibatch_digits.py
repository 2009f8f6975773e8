import torch
import torch.nn as nn
import torch.nn.functional as F

# Mini-batches drawn with randperm and integer-tensor indexing, accuracy with argmax, and
# gradients through x[idx] (rows picked twice receive both gradients).
torch.manual_seed(7)
x = torch.randn(20, 4)
y = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(3):
    perm = torch.randperm(20)
    for i in range(0, 20, 8):
        idx = perm[i:i + 8]
        loss = F.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        acc = (model(x).argmax(dim=1) == y).float().mean()
    print(epoch, f"{loss.item():.4f}", f"{acc.item():.2f}")
    # expect: 0 1.0731 0.70
    # expect: 1 0.4944 0.70
    # expect: 2 0.7288 0.70
w = torch.randn(4, 2, requires_grad=True)
w[[0, 2, 2]].sum().backward()
print(w.grad)
# expect: tensor([[1., 1.],
# expect:         [0., 0.],
# expect:         [2., 2.],
# expect:         [0., 0.]])
print(y[torch.tensor([1, 0])], x[[-1]].shape)  # expect: tensor([1, 1]) torch.Size([1, 4])
