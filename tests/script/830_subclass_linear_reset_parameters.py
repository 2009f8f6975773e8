# A script class deriving from nn.Linear: PyTorch's constructor calls self.reset_parameters(),
# so the override runs at construction and draws in its place (the generator shows it: the
# next draw is the same as PyTorch's), isinstance, attributes, repr, state_dict, forward.
import torch
import torch.nn as nn

torch.manual_seed(0)


class MyLinear(nn.Linear):
    def reset_parameters(self):
        nn.init.xavier_uniform_(self.weight)
        nn.init.zeros_(self.bias)


m = MyLinear(3, 2)
print(m)
print(type(m).__name__, isinstance(m, nn.Linear), isinstance(m, MyLinear), isinstance(m, nn.Module))
print(m.in_features, m.out_features)
print(issubclass(MyLinear, nn.Linear), issubclass(MyLinear, nn.Conv2d), MyLinear.__bases__)
print(m.weight.tolist(), m.bias.tolist())
print(torch.rand(1).item())
print(list(m.state_dict().keys()))
print([n for n, _ in m.named_parameters()])
x = torch.randn(4, 3)
print(round(m(x).sum().item(), 5))


class Plain(nn.Linear):
    pass


torch.manual_seed(0)
p = Plain(3, 2)
torch.manual_seed(0)
q = nn.Linear(3, 2)
print(p, torch.equal(p.weight, q.weight), torch.equal(p.bias, q.bias))


class Again(nn.Linear):
    def reset_parameters(self):
        super().reset_parameters()
        with torch.no_grad():
            self.bias.fill_(0.5)


torch.manual_seed(0)
a = Again(3, 2)
print(torch.equal(a.weight, q.weight), a.bias.tolist(), torch.rand(1).item())
a.reset_parameters()
print(a.weight.tolist(), a.bias.tolist())

# CPython 3.11 printed:
# expect: MyLinear(in_features=3, out_features=2, bias=True)
# expect: MyLinear True True True
# expect: 3 2
# expect: True False (<class 'torch.nn.modules.linear.Linear'>,)
# expect: [[-0.008201400749385357, 0.5876445174217224, -0.9016007781028748], [-0.8061808347702026, -0.4219154715538025, 0.29375168681144714]] [0.0, 0.0]
# expect: 0.4900934100151062
# expect: ['weight', 'bias']
# expect: ['weight', 'bias']
# expect: -3.62167
# expect: Plain(in_features=3, out_features=2, bias=True) True True
# expect: True [0.5, 0.5] 0.455627977848053
# expect: [[0.1527741253376007, -0.1744827926158905, -0.11348707973957062], [-0.55157071352005, -0.3823687434196472, -0.2379971146583557]] [0.5, 0.5]
