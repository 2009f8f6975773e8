# @torch.jit.* in eager mode: what they decorate runs as Python.
import torch
import torch.nn as nn
from typing import List


@torch.jit.script
def fused_gelu(x):
    return x * 0.5 * (1.0 + torch.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    @torch.jit.ignore
    def describe(self) -> str:
        return "block"

    @torch.jit.unused
    def unused_path(self):
        return 0

    def forward(self, x):
        if torch.jit.is_scripting():
            return x
        return fused_gelu(self.fc(x))


torch.manual_seed(0)
b = torch.jit.script(Block())
print(b.describe(), torch.jit.is_tracing(), b(torch.ones(1, 2)).shape)
print(torch.jit.annotate(List[int], []), round(fused_gelu(torch.tensor([1.0])).item(), 4))

# CPython 3.11 printed:
# expect: block False torch.Size([1, 2])
# expect: [] 0.8412
