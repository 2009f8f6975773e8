# torch.autograd.Variable (PyTorch 1.13: a detached new leaf), torch.jit in eager mode,
# torch.utils.checkpoint calling through, nn.DataParallel without GPUs as a wrapper.
import torch
import torch.nn as nn
from torch.autograd import Variable
import torch.utils.checkpoint as cp
import torch.nn.parallel

torch.manual_seed(0)
t = torch.ones(2, requires_grad=True)
v = Variable(t)
print(v.requires_grad, v.is_leaf, t.requires_grad)
v = Variable(t * 2)
print(v.requires_grad, v.grad_fn, v)
w = Variable(torch.ones(2), requires_grad=True)
print(w.requires_grad, w.is_leaf)
(w * 3).sum().backward()
print(w.grad)
print(Variable(torch.FloatTensor(2, 1).fill_(1.0), requires_grad=False))


@torch.jit.script
def scaled(x):
    return x * 2


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    @torch.jit.ignore
    def helper(self, x):
        return x + 1

    @torch.jit.unused
    def unused_path(self, x):
        return x - 1

    def forward(self, x):
        if torch.jit.is_scripting():
            return x
        return self.helper(self.fc(x))


net = Net()
x = torch.randn(4, 3)
print(scaled(torch.ones(2)), torch.jit.is_scripting(), torch.jit.is_tracing())
traced = torch.jit.trace(net, x)
print(torch.allclose(traced(x), net(x)), torch.allclose(net.unused_path(x), x - 1))
print(torch.allclose(cp.checkpoint(net.fc, x.requires_grad_()), net.fc(x)))
seq = nn.Sequential(nn.Linear(3, 3), nn.ReLU(), nn.Linear(3, 2))
print(torch.allclose(cp.checkpoint_sequential(seq, 2, x), seq(x)))

dp = nn.DataParallel(net)
print(dp)
print(dp.module is net, dp.device_ids, list(dp.state_dict().keys()))
print(torch.allclose(dp(x), net(x)), isinstance(dp, nn.DataParallel), isinstance(dp, nn.Module))
print([n for n, _ in dp.named_parameters()])
dp2 = torch.nn.parallel.DataParallel(nn.Linear(2, 2), device_ids=None)
print(type(dp2).__name__, len(list(dp2.parameters())))

# CPython 3.11 printed:
# expect: False True True
# expect: False None tensor([2., 2.])
# expect: True True
# expect: tensor([3., 3.])
# expect: tensor([[1.],
# expect:         [1.]])
# expect: tensor([2., 2.]) False False
# expect: True True
# expect: True
# expect: True
# expect: DataParallel(
# expect:   (module): Net(
# expect:     (fc): Linear(in_features=3, out_features=2, bias=True)
# expect:   )
# expect: )
# expect: True [] ['module.fc.weight', 'module.fc.bias']
# expect: True True True
# expect: ['module.fc.weight', 'module.fc.bias']
# expect: DataParallel 2
