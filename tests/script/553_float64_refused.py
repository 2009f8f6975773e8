# initlab has no float64 or float16 tensors: converting a module or a tensor to them, or making
# one, is refused by name instead of computing in float32 silently. (The messages are
# initlab's own: PyTorch runs these.)
import torch
import torch.nn as nn

m = nn.Linear(2, 2)
x = torch.ones(2)
for f in [lambda: m.double(), lambda: m.half(), lambda: m.to(torch.float64), lambda: x.to(torch.float64),
          lambda: x.to(torch.half), lambda: torch.zeros(2, dtype=torch.double), lambda: torch.tensor([1.0], dtype=torch.float64)]:
    try:
        f()
        print("ran")
    except NotImplementedError as e:
        print(e)
print(torch.float64, torch.double, torch.half)
# expect: not supported in initlab: Module.double() (float64 parameters; initlab computes in float32)
# expect: not supported in initlab: Module.half() (float16 parameters; initlab computes in float32)
# expect: not supported in initlab: Module.to to torch.float64 (initlab computes in float32; its tensors are float32, int64 or bool)
# expect: not supported in initlab: Tensor.to to torch.float64 (initlab computes in float32; its tensors are float32, int64 or bool)
# expect: not supported in initlab: Tensor.to to torch.float16 (initlab computes in float32; its tensors are float32, int64 or bool)
# expect: not supported in initlab: zeros(dtype=...) to torch.float64 (initlab computes in float32; its tensors are float32, int64 or bool)
# expect: not supported in initlab: tensor(dtype=...) to torch.float64 (initlab computes in float32; its tensors are float32, int64 or bool)
# expect: torch.float64 torch.float64 torch.float16
