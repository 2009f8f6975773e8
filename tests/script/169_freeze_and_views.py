import torch
import torch.nn as nn

# Freezing: model.requires_grad_(False) and per-parameter flags; frozen parameters get no
# .grad and the optimizer leaves them alone. .T on a recorded tensor is differentiable.
torch.manual_seed(8)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
model.requires_grad_(False)
print([p.requires_grad for p in model.parameters()])  # expect: [False, False, False, False]
model[2].requires_grad_(True)
print([p.requires_grad for p in model.parameters()])  # expect: [False, False, True, True]
x = torch.randn(5, 3)
before = model[0].weight.clone()
opt = torch.optim.SGD(model.parameters(), lr=0.5)
model(x).pow(2).mean().backward()
opt.step()
print(model[0].weight.grad, torch.equal(before, model[0].weight))  # expect: None True
print(model[2].bias.grad)  # expect: tensor([ 0.2070, -0.4524])
w = torch.randn(2, 3, requires_grad=True)
print((w.T * torch.arange(2.0)).sum())  # expect: tensor(2.1636, grad_fn=<SumBackward0>)
(w.T * torch.arange(2.0)).sum().backward()
print(w.grad)
# expect: tensor([[0., 0., 0.],
# expect:         [1., 1., 1.]])
