# CUDA on a CPU-only machine: PyTorch's own AssertionError for every move to the GPU (initlab
# adds a second line saying it runs on the CPU), torch.cuda's queries, torch.backends' flags.
import torch
import torch.nn as nn

x = torch.ones(2)
m = nn.Linear(2, 2)
attempts = [lambda: x.cuda(), lambda: x.to("cuda"), lambda: x.to("cuda:0"), lambda: x.to(torch.device("cuda")),
            lambda: m.cuda(), lambda: m.to("cuda"), lambda: torch.ones(2, device="cuda"),
            lambda: torch.zeros(2, 2, device=torch.device("cuda", 0)), lambda: torch.cuda.current_device(),
            lambda: torch.cuda.get_device_name(0), lambda: torch.cuda.synchronize()]
for f in attempts:
    try:
        f()
        print("ran")
    except AssertionError as e:
        print(type(e).__name__, str(e).splitlines()[0])
try:
    torch.cuda.FloatTensor(2)
except TypeError as e:
    print(type(e).__name__, e)
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.is_initialized())
Tensor = torch.cuda.FloatTensor if torch.cuda.is_available() else torch.FloatTensor
print(Tensor(2, 1).fill_(1.0))

print(torch.backends.cudnn.enabled, torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic)
print(torch.backends.cudnn.is_available(), torch.backends.cudnn.version(), torch.backends.cudnn.allow_tf32)
print(torch.backends.mps.is_available(), torch.backends.mps.is_built(), torch.backends.cuda.is_built())
print(torch.backends.cuda.matmul.allow_tf32, torch.backends.mkldnn.enabled, torch.backends.openmp.is_available())
torch.backends.cudnn.benchmark = True
torch.backends.cudnn.deterministic = True
import torch.backends.cudnn as cudnn
print(cudnn.benchmark, cudnn.deterministic)

# CPython 3.11 printed:
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: TypeError type torch.cuda.FloatTensor not available. Torch not compiled with CUDA enabled.
# expect: False 0 False
# expect: tensor([[1.],
# expect:         [1.]])
# expect: True False False
# expect: False None True
# expect: False False False
# expect: False True True
# expect: True True
