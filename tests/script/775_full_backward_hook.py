# Module.register_full_backward_hook against PyTorch 1.13: what the hook receives (module,
# grad_input, grad_output) for modules whose forward is one op chain, in a Sequential and in a
# user module; a hook's result replacing grad_input; the first layer (input without grad:
# grad_input is (None,)); the removable handle; hooks beside forward hooks; the errors.
import torch
import torch.nn as nn

torch.manual_seed(0)


def r(t):
    return None if t is None else [round(v, 5) for v in t.flatten().tolist()]


def show(tag):
    def hook(module, grad_input, grad_output):
        print(tag, type(module).__name__, type(grad_input).__name__, len(grad_input), len(grad_output),
              r(grad_input[0]), r(grad_output[0]))
    return hook


net = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 2))
h0 = net[0].register_full_backward_hook(show("lin0"))
h1 = net[1].register_full_backward_hook(show("tanh"))
h2 = net[2].register_full_backward_hook(show("lin2"))
print(type(h1).__name__, len(net[1]._backward_hooks))
x = torch.randn(1, 3)
y = net(x)
print(y.grad_fn.name() if hasattr(y.grad_fn, 'name') else type(y.grad_fn).__name__)
y.sum().backward()
print(r(net[0].weight.grad), r(net[0].bias.grad))

h1.remove()
net.zero_grad()
xg = torch.randn(2, 3, requires_grad=True)
net(xg).pow(2).sum().backward()
print(r(xg.grad))


def double(module, grad_input, grad_output):
    return (grad_input[0] * 2,)


lin = nn.Linear(3, 2)
hd = lin.register_full_backward_hook(double)
xa = torch.ones(1, 3, requires_grad=True)
lin(xa).sum().backward()
print(r(xa.grad), r(lin.weight.grad))
hd.remove()
xa.grad = None
lin(xa).sum().backward()
print(r(xa.grad))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return torch.relu(self.fc(x)) * 3


b = Block()
b.register_full_backward_hook(show("block"))
b.register_forward_hook(lambda m, i, o: print("forward", tuple(o.shape)))
xb = torch.tensor([[1.0, -2.0]], requires_grad=True)
b(xb).sum().backward()
print(r(xb.grad))
with torch.no_grad():
    print(r(b(xb)))


def bad(module, grad_input, grad_output):
    return (grad_input[0], grad_input[0])


lin.register_full_backward_hook(bad)
try:
    lin(xa).sum().backward()
except RuntimeError as e:
    print(e)

# CPython 3.11 printed:
# expect: RemovableHandle 1
# expect: BackwardHookFunctionBackward
# expect: lin2 Linear tuple 1 1 [-0.27645, 0.04812] [1.0, 1.0]
# expect: tanh Tanh tuple 1 1 [-0.22818, 0.03735] [-0.27645, 0.04812]
# expect: lin0 Linear tuple 1 1 None [-0.22818, 0.03735]
# expect: [0.17868, -0.24237, 0.05963, -0.02925, 0.03968, -0.00976] [-0.22818, 0.03735]
# expect: lin2 Linear tuple 1 1 [0.2588, -0.12806, 0.32899, -0.04116] [-1.30038, -0.82921, -1.1194, -1.21081]
# expect: lin0 Linear tuple 1 1 [0.05328, 0.10236, -0.13322, 0.00792, 0.10283, -0.1537] [0.23871, -0.12783, 0.31634, -0.02185]
# expect: [0.05328, 0.10236, -0.13322, 0.00792, 0.10283, -0.1537]
# expect: [0.18586, -0.5662, -0.11439] [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
# expect: [0.09293, -0.2831, -0.0572]
# expect: forward (1, 2)
# expect: block Block tuple 1 1 [-1.1739, -3.07427] [1.0, 1.0]
# expect: [-1.1739, -3.07427]
# expect: forward (1, 2)
# expect: [5.65865, 1.89819]
# expect: Backward hook returned an invalid number of grad_input, got 2, but expected 1
