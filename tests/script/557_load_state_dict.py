# Module.load_state_dict, strict and not: PyTorch 1.13's error text and _IncompatibleKeys.
import torch
import torch.nn as nn

torch.manual_seed(0)


def make():
    return nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Linear(4, 2))


a, b = make(), make()
print(torch.equal(a[0].weight, b[0].weight))
result = b.load_state_dict(a.state_dict())
print(result, torch.equal(a[0].weight, b[0].weight), torch.equal(a[2].bias, b[2].bias))
print(b[0].weight.requires_grad, b[0].weight.grad_fn)

sd = a.state_dict()
del sd["2.bias"]
sd["extra.weight"] = torch.ones(1)
try:
    b.load_state_dict(sd)
except RuntimeError as e:
    print(type(e).__name__, e)
r = b.load_state_dict(sd, strict=False)
print(r)
print(r.missing_keys, r.unexpected_keys)

sd = a.state_dict()
sd["0.weight"] = torch.zeros(5, 3)
try:
    b.load_state_dict(sd, strict=False)
except RuntimeError as e:
    print(type(e).__name__, e)

sd = {k: v for k, v in a.state_dict().items() if not k.endswith("num_batches_tracked")}
print(b.load_state_dict(sd), b[1].num_batches_tracked)
wrapped = nn.DataParallel(make())
print(list(wrapped.state_dict().keys())[:2])
print(wrapped.module.load_state_dict(a.state_dict()))

# CPython 3.11 printed:
# expect: False
# expect: <All keys matched successfully> True True
# expect: True None
# expect: RuntimeError Error(s) in loading state_dict for Sequential:
# expect: 	Missing key(s) in state_dict: "2.bias". 
# expect: 	Unexpected key(s) in state_dict: "extra.weight". 
# expect: _IncompatibleKeys(missing_keys=['2.bias'], unexpected_keys=['extra.weight'])
# expect: ['2.bias'] ['extra.weight']
# expect: RuntimeError Error(s) in loading state_dict for Sequential:
# expect: 	size mismatch for 0.weight: copying a param with shape torch.Size([5, 3]) from checkpoint, the shape in current model is torch.Size([4, 3]).
# expect: <All keys matched successfully> tensor(0)
# expect: ['module.0.weight', 'module.0.bias']
# expect: <All keys matched successfully>
