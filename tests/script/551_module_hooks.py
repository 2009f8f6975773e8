# Forward hooks and pre-hooks: what they receive (module, input tuple, output), what their
# results replace, removable handles, hooks on children of nn.Sequential and of user modules.
import torch
import torch.nn as nn

torch.manual_seed(0)
seen = []


def show(tag):
    def hook(module, inp, out):
        seen.append(tag)
        print(tag, type(module).__name__, type(inp).__name__, len(inp), [tuple(t.shape) for t in inp], tuple(out.shape))
    return hook


net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
h0 = net[0].register_forward_hook(show("lin0"))
h2 = net[2].register_forward_hook(show("lin2"))
hs = net.register_forward_hook(show("seq"))
print(type(h0).__name__, h0.id < h2.id, len(net[0]._forward_hooks))
x = torch.randn(5, 3)
y = net(x)
print(seen)
h2.remove()
h2.remove()
net(x)
print(seen, len(net[2]._forward_hooks))


def double_output(module, inp, out):
    return out * 2


h = net[2].register_forward_hook(double_output)
print(torch.allclose(net(x), y * 2))
h.remove()
print(torch.allclose(net(x), y))


def pre_scale(module, inp):
    print("pre", type(module).__name__, type(inp).__name__, len(inp))
    return inp[0] * 0


with net[0].register_forward_pre_hook(pre_scale):
    z = net(x)
print(torch.allclose(z, net[2](net[1](torch.zeros(5, 4) + net[0].bias))))
print(len(net[0]._forward_pre_hooks), torch.allclose(net(x), y))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)

    def forward(self, a, b):
        return self.fc(a) + b


blk = Block()


def two_inputs(module, inp, out):
    print("block", len(inp), tuple(inp[0].shape), tuple(inp[1].shape), tuple(out.shape))


def swap(module, inp):
    return inp[1], inp[0]


blk.register_forward_hook(two_inputs)
blk.fc.register_forward_hook(show("fc"))
a, b = torch.randn(2, 3), torch.ones(2, 3)
out1 = blk(a, b)
blk.register_forward_pre_hook(swap)
out2 = blk(a, b)
print(torch.allclose(out2, blk.fc(b) + a))

# CPython 3.11 printed:
# expect: RemovableHandle True 1
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: lin2 Linear tuple 1 [(5, 4)] (5, 2)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: ['lin0', 'lin2', 'seq']
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: ['lin0', 'lin2', 'seq', 'lin0', 'seq'] 0
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: True
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: True
# expect: pre Linear tuple 1
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: True
# expect: lin0 Linear tuple 1 [(5, 3)] (5, 4)
# expect: seq Sequential tuple 1 [(5, 3)] (5, 2)
# expect: 0 True
# expect: fc Linear tuple 1 [(2, 3)] (2, 3)
# expect: block 2 (2, 3) (2, 3) (2, 3)
# expect: fc Linear tuple 1 [(2, 3)] (2, 3)
# expect: block 2 (2, 3) (2, 3) (2, 3)
# expect: fc Linear tuple 1 [(2, 3)] (2, 3)
# expect: True
