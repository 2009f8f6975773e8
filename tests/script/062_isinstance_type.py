import torch
import torch.nn as nn

print(type(3), type(2.5), type("s"), type(None))  # expect: <class 'int'> <class 'float'> <class 'str'> <class 'NoneType'>
print(type([]), type(()), type({}), type(True))  # expect: <class 'list'> <class 'tuple'> <class 'dict'> <class 'bool'>
print(type(torch.zeros(1)), type(nn.Linear(1, 1)))  # expect: <class 'torch.Tensor'> <class 'torch.nn.modules.linear.Linear'>
print(isinstance(3, int), isinstance(True, int), isinstance(3, (float, str)))  # expect: True True False
conv = nn.Conv2d(1, 1, 1)
print(isinstance(conv, (nn.Linear, nn.Conv2d)), isinstance(conv, nn.Linear))  # expect: True False
print(isinstance(conv, nn.Module), isinstance(nn.BatchNorm2d(2), nn.BatchNorm1d))  # expect: True False
print(type(3) == int, type(conv) is nn.Conv2d)  # expect: True True
