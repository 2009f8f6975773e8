# A dtype is one object, as in PyTorch: x.dtype is torch.int64 is torch.long, and dtypes are
# equal, hashable and usable as dict keys and in tuples.
import torch

x = torch.zeros(2, dtype=torch.long)
b = x > 0
f = torch.ones(3)
print(x.dtype == torch.int64, x.dtype == torch.long, x.dtype is torch.int64, torch.long is torch.int64)
print(f.dtype == torch.float32, f.dtype is torch.float, f.dtype != x.dtype, b.dtype == torch.bool)
print(x.dtype in (torch.int64, torch.bool), f.dtype in (torch.int64, torch.bool))
sizes = {torch.float32: 4, torch.int64: 8, torch.bool: 1}
print(sizes[f.dtype], sizes[x.dtype], sizes[b.dtype], sizes.get(torch.long), len({x.dtype, torch.long, torch.int64}))
print(f.to(torch.long).dtype is torch.int64, x.float().dtype == f.dtype, x.dtype)

# CPython 3.11 printed:
# expect: True True True True
# expect: True True True True
# expect: True False
# expect: 4 8 1 8 1
# expect: True True torch.int64
