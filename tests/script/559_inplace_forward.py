# In-place arithmetic on results inside a forward (x.sub_(...), x.mul_(...), x.clamp_(...)), as
# PyTorch runs it: the values, the grad_fn and the gradients. A leaf that requires grad is
# refused with PyTorch's error.
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        h = self.fc(x)
        h.sub_(0.5)
        h.mul_(2)
        h.add_(torch.ones(2), alpha=3)
        h.clamp_(min=-1.0)
        return h


net = Net()
x = torch.randn(4, 3)
y = net(x)
print(y)
y.sum().backward()
print(net.fc.weight.grad)
print(net.fc.bias.grad)
w = torch.ones(2, requires_grad=True)
try:
    w.sub_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    w.sub_(1)
print(w)

# CPython 3.11 printed:
# expect: tensor([[0.7368, 4.5841],
# expect:         [1.9077, 2.3984],
# expect:         [2.9092, 3.0763],
# expect:         [1.1875, 2.4947]], grad_fn=<ClampBackward1>)
# expect: tensor([[ 0.5149, -6.0140, -1.4679],
# expect:         [ 0.5149, -6.0140, -1.4679]])
# expect: tensor([8., 8.])
# expect: RuntimeError a leaf Variable that requires grad is being used in an in-place operation.
# expect: tensor([0., 0.], requires_grad=True)
