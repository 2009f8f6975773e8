import torch
import torch.nn as nn

# One step of linear regression by hand: loss, gradients, update under no_grad.
torch.manual_seed(0)
x = torch.randn(6, 3)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
model = nn.Linear(3, 1)
pred = model(x)
loss = ((pred - y) ** 2).mean()
print(loss)  # expect: tensor(2.2583, grad_fn=<MeanBackward0>)
loss.backward()
print(model.weight.grad)  # expect: tensor([[-0.4463,  2.6435,  0.3778]])
print(model.bias.grad)  # expect: tensor([1.7776])
with torch.no_grad():
    for p in model.parameters():
        p -= 0.1 * p.grad
print(model.weight)
# expect: Parameter containing:
# expect: tensor([[-0.3587, -0.8051, -0.3748]], requires_grad=True)
print(((model(x) - y) ** 2).mean().item() < loss.item())  # expect: True
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = (w * w).sum() + (2 * w).mean()
s.backward()
print(w.grad)  # expect: tensor([2.6667, 4.6667, 6.6667])
