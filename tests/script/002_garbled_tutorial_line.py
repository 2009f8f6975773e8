import torch.nn as nn
nn.init.constant_(, 0)
# error: line 2: SyntaxError: invalid syntax
