# PyTorch's functions and classes are Python ones: scripts set attributes on them (fastai's
# F.relu.__default_init__ = kaiming_uniform_), read back with getattr and a default.
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.init import kaiming_uniform_, xavier_uniform_

for o in F.relu, nn.ReLU, F.leaky_relu, nn.LeakyReLU:
    o.__default_init__ = kaiming_uniform_
for o in nn.Sigmoid, nn.Tanh:
    o.__default_init__ = xavier_uniform_
print(F.relu.__default_init__ is kaiming_uniform_, nn.Tanh.__default_init__.__name__)
act = nn.ReLU()
print(getattr(act.__class__, '__default_init__', None).__name__, getattr(nn.GELU, '__default_init__', None))
print(getattr(F.gelu, '__default_init__', None), hasattr(F.leaky_relu, '__default_init__'))
try:
    len.tag = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    int.tag = 1
except TypeError as e:
    print('TypeError', e)

# CPython 3.11 / PyTorch 1.13 printed:
# expect: True xavier_uniform_
# expect: kaiming_uniform_ None
# expect: None True
# expect: AttributeError 'builtin_function_or_method' object has no attribute 'tag'
# expect: TypeError cannot set 'tag' attribute of immutable type 'int'
