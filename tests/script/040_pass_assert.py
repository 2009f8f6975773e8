import torch.nn as nn


class Empty(nn.Module):
    pass


def noop():
    pass


assert noop() is None
assert len(list(Empty().parameters())) == 0, "no params expected"
x = 5
assert x > 0 and isinstance(x, int), f"bad x: {x}"
if x:
    pass
print("asserts passed")  # expect: asserts passed
