import torch
import torch.nn as nn

layer = nn.Linear(3, 2)
out = layer(torch.randn(4, 3))
print(out.shape)  # expect: torch.Size([4, 2])
out.backward()
# error: line 7: RuntimeError: grad can be implicitly created only for scalar outputs
