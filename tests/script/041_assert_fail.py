import torch
x = torch.zeros(2, 3)
assert x.dim() == 2
print("2-d ok")  # expect: 2-d ok
assert x.shape[1] == 4, f"expected 4 columns, got {x.shape[1]}"
print("unreachable")
# error: line 5: AssertionError: expected 4 columns, got 3
