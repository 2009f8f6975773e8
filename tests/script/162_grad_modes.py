import torch
import torch.nn as nn

# torch.no_grad() and @torch.no_grad() turn recording off; requires_grad_ and detach.
layer = nn.Linear(2, 2)
x = torch.ones(1, 2)
print(torch.is_grad_enabled(), layer(x).requires_grad)  # expect: True True
with torch.no_grad():
    y = layer(x)
    print(torch.is_grad_enabled(), y.requires_grad, y.grad_fn)  # expect: False False None
print(torch.is_grad_enabled())  # expect: True


@torch.no_grad()
def evaluate(model, inputs):
    return model(inputs)


print(evaluate(layer, x).requires_grad)  # expect: False


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, v):
        return self.fc(v)

    @torch.no_grad()
    def predict(self, v):
        return self.forward(v)


net = Net()
print(net(x).requires_grad, net.predict(x).requires_grad)  # expect: True False
v = torch.tensor([1.0, -2.0])
print(v.requires_grad_(), v.requires_grad)  # expect: tensor([ 1., -2.], requires_grad=True) True
print((v * v).detach().requires_grad, (v * v).requires_grad)  # expect: False True
v.requires_grad = False
print(v, (v * 2).requires_grad)  # expect: tensor([ 1., -2.]) False
