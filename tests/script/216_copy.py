# copy and deepcopy: Python values, user objects, tensors, parameters and nn modules.
import copy
import torch
import torch.nn as nn

torch.manual_seed(0)
a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(9)
print(b[0], c[0], c[1] == a[1], c[1] is a[1], b[1] is a[1])


class Block:
    def __init__(self, width):
        self.width = width
        self.cache = [width]


x = Block(4)
y = copy.deepcopy(x)
y.cache.append(5)
print(x.cache, y.cache, type(y).__name__, copy.copy(x).cache is x.cache)
layer = nn.Linear(3, 2)
clones = nn.ModuleList([copy.deepcopy(layer) for _ in range(3)])
print(clones)
with torch.no_grad():
    clones[0].weight.fill_(1.0)
print(torch.equal(clones[1].weight, layer.weight), clones[0].weight.sum().item(), clones[1].weight is layer.weight)
print(isinstance(clones[2].weight, nn.Parameter), clones[2].weight.requires_grad, torch.rand(1).item())
block = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU())
twin = copy.deepcopy(block)
print(twin, torch.equal(twin[0].weight, block[0].weight), twin[1].running_var.tolist())
t = torch.ones(2, requires_grad=True)
u = copy.deepcopy(t)
print(u, u.requires_grad, u is t)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.scale = 3

    def forward(self, v):
        return self.fc(v) * self.scale


net = Net()
net2 = copy.deepcopy(net)
print(net2, net2.scale, torch.equal(net2.fc.bias, net.fc.bias), torch.rand(1).item())

# CPython 3.11 printed:
# expect: [1, 2, 9] [1, 2] True False True
# expect: [4] [4, 5] Block True
# expect: ModuleList(
# expect:   (0): Linear(in_features=3, out_features=2, bias=True)
# expect:   (1): Linear(in_features=3, out_features=2, bias=True)
# expect:   (2): Linear(in_features=3, out_features=2, bias=True)
# expect: )
# expect: True 6.0 False
# expect: True True 0.455627977848053
# expect: Sequential(
# expect:   (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))
# expect:   (1): BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:   (2): ReLU()
# expect: ) True [1.0, 1.0]
# expect: tensor([1., 1.], requires_grad=True) True False
# expect: Net(
# expect:   (fc): Linear(in_features=2, out_features=2, bias=True)
# expect: ) 3 True 0.03171950578689575
