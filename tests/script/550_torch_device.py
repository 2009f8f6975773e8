# torch.device, Tensor.device and moves between devices as a CPU-only PyTorch 1.13 behaves.
import torch
import torch.nn as nn

d = torch.device("cpu")
print(repr(d), str(d), d.type, d.index)
print(d == torch.device("cpu"), d == "cpu", d != torch.device("cuda"), hash(d) == hash(torch.device("cpu")))
c = torch.device("cuda:1")
print(repr(c), str(c), c.type, c.index)
print(repr(torch.device("cuda", 0)), repr(torch.device("cpu", 0)), str(torch.device("cpu", 0)))
print(repr(torch.device(d)), repr(torch.device(3)), repr(torch.device(type="cpu")))
print(type(d).__name__, isinstance(d, torch.device))
for bad in ["foo", "CPU", "cuda:x", "cpu:-1"]:
    try:
        torch.device(bad)
    except RuntimeError as e:
        print(type(e).__name__, e)
for args in [("cuda", -1), ("cuda:1", 0)]:
    try:
        torch.device(*args)
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    torch.device("cuda", "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.type = "cuda"
except AttributeError as e:
    print(type(e).__name__, e)

x = torch.ones(2)
print(x.device, repr(x.device), x.device == d, x.is_cuda, x.get_device())
print(x.to("cpu") is x, x.cpu() is x, x.to(d) is x, x.to(device=d) is x, x.to(torch.float32) is x)
print(x.to("cpu", copy=True) is x, x.to(torch.long), x.to(torch.ones(1, dtype=torch.long)))
print(torch.zeros(2, device=d), torch.ones(2, device="cpu", dtype=torch.long))

m = nn.Linear(2, 2)
print(m.to(d) is m, m.to("cpu") is m, m.cpu() is m, m.float() is m, m.to(torch.float32) is m)
print(m.to("cpu", torch.float32) is m, m.to(device="cpu") is m, m.to(torch.ones(1)) is m)
print(m.weight.device, next(m.parameters()).is_cuda)
try:
    m.to(torch.long)
except TypeError as e:
    print(type(e).__name__, e)

print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.is_initialized())
torch.cuda.manual_seed(1)
torch.cuda.manual_seed_all(1)
torch.cuda.empty_cache()
print(torch.cuda.memory_allocated())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)

# CPython 3.11 printed:
# expect: device(type='cpu') cpu cpu None
# expect: True False True True
# expect: device(type='cuda', index=1) cuda:1 cuda 1
# expect: device(type='cuda', index=0) device(type='cpu', index=0) cpu:0
# expect: device(type='cpu') device(type='cuda', index=3) device(type='cpu')
# expect: device True
# expect: RuntimeError Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone device type at start of device string: foo
# expect: RuntimeError Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone device type at start of device string: CPU
# expect: RuntimeError Invalid device string: 'cuda:x'
# expect: RuntimeError Invalid device string: 'cpu:-1'
# expect: RuntimeError Device index must not be negative
# expect: RuntimeError type (string) must not include an index because index was passed explicitly: cuda:1
# expect: TypeError Device(): argument 'index' (position 2) must be int, not str
# expect: AttributeError attribute 'type' of 'torch.device' objects is not writable
# expect: cpu device(type='cpu') True False -1
# expect: True True True True True
# expect: False tensor([1, 1]) tensor([1, 1])
# expect: tensor([0., 0.]) tensor([1, 1])
# expect: True True True True True
# expect: True True True
# expect: cpu False
# expect: TypeError nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int64
# expect: False 0 False
# expect: 0
# expect: cpu
