# Tensor.type(): the legacy type name; with a dtype or a type name it converts like .to(),
# returning the tensor itself when nothing changes.
import torch

x = torch.ones(2)
print(x.type(), x.long().type(), (x > 0).type(), x.type(torch.int64).dtype, x.type('torch.LongTensor').dtype)
print(x.type(torch.float32) is x, x.type('torch.BoolTensor'), torch.arange(3).type(torch.float).tolist())
try:
    x.type('torch.Foo')
except ValueError as e:
    print('ValueError', e)

# PyTorch 1.13 printed:
# expect: torch.FloatTensor torch.LongTensor torch.BoolTensor torch.int64 torch.int64
# expect: True tensor([True, True]) [0.0, 1.0, 2.0]
# expect: ValueError invalid type: 'torch.Foo'
