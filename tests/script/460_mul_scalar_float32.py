# w.mul_(f) with a Python float on a float32 tensor rounds f to float32 first and multiplies in
# float32 (PyTorch's CPU kernel takes the scalar as the tensor's dtype): LSUV's factors and the
# code initlab writes for them (initlab.init.lsuv_, fix_init) rely on it.
import torch

torch.manual_seed(0)
w = torch.randn(4096)
f = 1.0 / 3.0000001234
a = w.clone().mul_(f)
b = w * torch.tensor(f, dtype=torch.float32)
c = (w.double() * f).float()
print(torch.equal(a, b), torch.equal(a, c), int((a != c).sum()))
f32 = torch.tensor(f, dtype=torch.float32).item()
print(repr(f32), f32 == f, torch.equal(w.clone().mul_(f32), a))
with torch.no_grad():
    lin = torch.nn.Linear(8, 8)
    before = lin.weight.clone()
    lin.weight.mul_(0.7)
    lin.weight.mul_(1.25)
print(torch.equal(lin.weight, before * torch.tensor(0.7) * torch.tensor(1.25)))
print(float.hex(float(a[0])), float.hex(float(a[4095])))

# CPython 3.11 printed:
# expect: True False 1058
# expect: 0.3333333134651184 False True
# expect: True
# expect: -0x1.8049620000000p-2 0x1.9af3fe0000000p-3
