# A model built of subclasses of built-in layers trains as PyTorch's: SGD steps through a
# Linear subclass with its own init and a Conv2d subclass with its own forward; deepcopy and
# load_state_dict keep the subclass.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F


class MyLinear(nn.Linear):
    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")
        nn.init.constant_(self.bias, 0.01)


class PadConv(nn.Conv2d):
    def forward(self, x):
        return F.conv2d(F.pad(x, [1, 1, 1, 1], mode="replicate"), self.weight, self.bias, self.stride)


torch.manual_seed(0)
model = nn.Sequential(PadConv(1, 3, 3, stride=2), nn.ReLU(), nn.Flatten(), MyLinear(12, 4))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x = torch.randn(8, 1, 4, 4)
t = torch.randint(0, 4, (8,))
for step in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), t)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
print(round(model[3].weight.sum().item(), 5), round(model[0].bias.sum().item(), 5))
twin = copy.deepcopy(model)
print(type(twin[3]).__name__, type(twin[0]).__name__, torch.equal(twin[3].weight, model[3].weight))
print(torch.allclose(twin(x), model(x)))
fresh = MyLinear(12, 4)
fresh.load_state_dict(model[3].state_dict())
print(fresh, torch.equal(fresh.bias, model[3].bias))

# CPython 3.11 printed:
# expect: 0 1.41279
# expect: 1 1.29511
# expect: 2 1.15425
# expect: 1.17733 -0.56421
# expect: MyLinear PadConv True
# expect: True
# expect: MyLinear(in_features=12, out_features=4, bias=True) True
