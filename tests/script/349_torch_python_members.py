# torch members written in Python (core/lib/torch/_library.py), found like native ones.
import torch
from torch import _assert

torch._assert(True, "never shown")
_assert(torch.ones(1).sum() > 0, "a one-element tensor's truth")
try:
    torch._assert(False, "the patch grid does not divide the image")
except AssertionError as e:
    print(type(e).__name__, e)
print(callable(torch._assert), torch._assert.__name__)

# CPython 3.11 printed:
# expect: AssertionError the patch grid does not divide the image
# expect: True _assert
