import torch.nn as nn
layer = nn.Linear(100000, 100000)
# error: line 2: LimitError: nn.Linear(100000, 100000): a tensor of shape [100000, 100000] needs 40000000000 bytes, over the tensor memory cap of 536870912 bytes (0 in use); raise the max_tensor_bytes limit to allow more
