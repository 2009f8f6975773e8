# The nn.Module methods init and model code call, against PyTorch 1.13.
import torch
import torch.nn as nn

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.bn = nn.BatchNorm2d(2)
        self.scale = nn.Parameter(torch.ones(2))
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("cache", torch.ones(2), persistent=False)

    def extra_repr(self):
        return "custom=1"

    def forward(self, x):
        return self.bn(self.conv(x))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2, 3))
        self.add_module("extra", nn.ReLU())
        self.register_parameter("gain", nn.Parameter(torch.full((1,), 2.0)))
        self.register_parameter("nothing", None)

    def forward(self, x):
        return self.head(self.extra(self.block(x)).mean(3).mean(2)) * self.gain


net = Net()
print(net)
print([n for n, _ in net.named_children()])
print([n for n, _ in net.named_buffers()])
print(len(list(net.buffers())), list(net.state_dict().keys()))
print([n for n, _ in net.named_parameters()])
print([tuple(p.shape) for p in net.parameters(recurse=False)])
print([n for n, _ in net.block.named_parameters(recurse=False)])
print([n for n, _ in net.named_buffers(recurse=False)], [n for n, _ in net.block.named_buffers(recurse=False)])
print(net.get_submodule("block.conv"), net.get_submodule("head.1"), net.get_submodule("") is net)
print(tuple(net.get_parameter("block.conv.weight").shape), net.get_parameter("gain"))
for path in ["block.nope", "head.5"]:
    try:
        net.get_submodule(path)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    net.get_parameter("block.bn.nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    net.get_parameter("block.steps")
except AttributeError as e:
    print(type(e).__name__, e)

print(net.train() is net, net.training, net.block.bn.training)
print(net.eval() is net, net.training, net.block.bn.training, net.head[1].training)
net.train(False)
print(net.training)
net.block.train()
print(net.training, net.block.training, net.block.conv.training)
print(net.requires_grad_(False) is net, [p.requires_grad for p in net.parameters()][:3])
net.requires_grad_()
print(all(p.requires_grad for p in net.parameters()))
out = net(torch.randn(2, 1, 3, 3)).sum()
out.backward()
print(net.gain.grad is not None)
net.zero_grad()
print(net.gain.grad)
net.zero_grad(set_to_none=True)
print(net.gain.grad)

# CPython 3.11 printed:
# expect: Net(
# expect:   (block): Block(
# expect:     custom=1
# expect:     (conv): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))
# expect:     (bn): BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
# expect:   )
# expect:   (head): Sequential(
# expect:     (0): Flatten(start_dim=1, end_dim=-1)
# expect:     (1): Linear(in_features=2, out_features=3, bias=True)
# expect:   )
# expect:   (extra): ReLU()
# expect: )
# expect: ['block', 'head', 'extra']
# expect: ['block.steps', 'block.cache', 'block.bn.running_mean', 'block.bn.running_var', 'block.bn.num_batches_tracked']
# expect: 5 ['gain', 'block.scale', 'block.steps', 'block.conv.weight', 'block.conv.bias', 'block.bn.weight', 'block.bn.bias', 'block.bn.running_mean', 'block.bn.running_var', 'block.bn.num_batches_tracked', 'head.1.weight', 'head.1.bias']
# expect: ['gain', 'block.scale', 'block.conv.weight', 'block.conv.bias', 'block.bn.weight', 'block.bn.bias', 'head.1.weight', 'head.1.bias']
# expect: [(1,)]
# expect: ['scale']
# expect: [] ['steps', 'cache']
# expect: Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1)) Linear(in_features=2, out_features=3, bias=True) True
# expect: (2, 1, 3, 3) Parameter containing:
# expect: tensor([2.], requires_grad=True)
# expect: AttributeError Block has no attribute `nope`
# expect: AttributeError Sequential has no attribute `5`
# expect: AttributeError BatchNorm2d has no attribute `nope`
# expect: AttributeError `steps` is not an nn.Parameter
# expect: True True True
# expect: True False False False
# expect: False
# expect: False True True
# expect: True [False, False, False]
# expect: True
# expect: True
# expect: tensor([0.])
# expect: None
