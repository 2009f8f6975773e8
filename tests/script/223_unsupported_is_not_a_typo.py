# A name initlab lacks is reported as unsupported, never as the user's typo; a real typo is
# reported as Python would. (The messages are initlab's own: not taken from CPython.)
import torch
import torch.nn as nn

x = torch.zeros(2, 3)
layer = nn.Linear(2, 2)
for owner, attr in [(x, "scatter_add_"), (x, "not_a_method"), (torch, "stft"), (torch, "not_a_function"),
                    (layer, "get_extra_state"), (layer, "wieght")]:
    try:
        getattr(owner, attr)
    except AttributeError as e:
        print(e)
try:
    memoryview(x)
except NameError as e:
    print(e)
try:
    spam
except NameError as e:
    print(e)
# expect: 'Tensor' object has no attribute 'scatter_add_' (initlab does not support it yet)
# expect: 'Tensor' object has no attribute 'not_a_method'
# expect: module 'torch' has no attribute 'stft' (initlab does not support it yet)
# expect: module 'torch' has no attribute 'not_a_function'
# expect: 'Linear' object has no attribute 'get_extra_state' (initlab does not support it yet)
# expect: 'Linear' object has no attribute 'wieght'
# expect: name 'memoryview' is not defined (a Python builtin initlab does not support yet)
# expect: name 'spam' is not defined
