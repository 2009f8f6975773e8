# w.mul_(f) with a Python float on a float32 tensor rounds f to float32 first and multiplies in
# float32 (PyTorch's CPU kernel takes the scalar as the tensor's dtype), not in double:
# initlab.init.lsuv_'s factors and the code initlab writes for them (fix_init) rely on it.
import torch

torch.manual_seed(0)
w = torch.randn(4096)
f = 1.0 / 3.0000001234
a = w.clone().mul_(f)
b = w * torch.tensor(f, dtype=torch.float32)
print(torch.equal(a, b))
# Multiplied in double and rounded once, 84 of the first 300 elements would differ.
print(sum(1 for i in range(300) if torch.tensor(float(w[i]) * f).item() != a[i].item()))
f32 = torch.tensor(f, dtype=torch.float32).item()
print(repr(f32), f32 == f, torch.equal(w.clone().mul_(f32), a))
with torch.no_grad():
    lin = torch.nn.Linear(8, 8)
    before = lin.weight.clone()
    lin.weight.mul_(0.7)
    lin.weight.mul_(1.25)
print(torch.equal(lin.weight, before * torch.tensor(0.7) * torch.tensor(1.25)))
print(repr(a[0].item()), repr(a[4095].item()))

# CPython 3.11 printed:
# expect: True
# expect: 84
# expect: 0.3333333134651184 False True
# expect: True
# expect: -0.3752799332141876 0.20066069066524506
