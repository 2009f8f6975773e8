import torch
import torch.nn as nn

# Adam over 5 steps (and AMSGrad with weight decay), printing each loss tensor.
torch.manual_seed(2)
x = torch.randn(12, 3)
y = (x * x).sum(1, keepdim=True)
model = nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
crit = nn.MSELoss()
for step in range(5):
    opt.zero_grad()
    loss = crit(model(x), y)
    loss.backward()
    opt.step()
    print(step, loss)
    # expect: 0 tensor(9.4187, grad_fn=<MseLossBackward0>)
    # expect: 1 tensor(9.2252, grad_fn=<MseLossBackward0>)
    # expect: 2 tensor(9.0450, grad_fn=<MseLossBackward0>)
    # expect: 3 tensor(8.8731, grad_fn=<MseLossBackward0>)
    # expect: 4 tensor(8.7084, grad_fn=<MseLossBackward0>)
print(model[0].bias)
# expect: Parameter containing:
# expect: tensor([-0.5259,  0.4535, -0.3797,  0.1329,  0.0282,  0.0556],
# expect:        requires_grad=True)
ams = torch.optim.Adam(model.parameters(), lr=0.02, betas=(0.8, 0.99), weight_decay=0.01, amsgrad=True)
for step in range(3):
    ams.zero_grad()
    loss = crit(model(x), y)
    loss.backward()
    ams.step()
    print(f"{loss.item():.4f}")
    # expect: 8.5505
    # expect: 8.2632
    # expect: 7.9845
