import torch
import torch.nn as nn

conv = nn.Conv1d(2, 2, 3, padding=-1)
conv(torch.ones(1, 2, 8))
# error: line 5: RuntimeError: negative padding is not supported
