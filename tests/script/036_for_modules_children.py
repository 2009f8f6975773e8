import torch.nn as nn

model = nn.Sequential(
    nn.Conv2d(1, 4, 3),
    nn.ReLU(),
    nn.Sequential(nn.Linear(4, 2), nn.Tanh()),
)
for m in model.modules():
    print(type(m).__name__)
# expect: Sequential
# expect: Conv2d
# expect: ReLU
# expect: Sequential
# expect: Linear
# expect: Tanh
for name, m in model.named_modules():
    print(repr(name), m.__class__.__name__)
# expect: '' Sequential
# expect: '0' Conv2d
# expect: '1' ReLU
# expect: '2' Sequential
# expect: '2.0' Linear
# expect: '2.1' Tanh
print([type(c).__name__ for c in model.children()])  # expect: ['Conv2d', 'ReLU', 'Sequential']
for name, c in model.named_children():
    print(name, c)
# expect: 0 Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1))
# expect: 1 ReLU()
# expect: 2 Sequential(
# expect:   (0): Linear(in_features=4, out_features=2, bias=True)
# expect:   (1): Tanh()
# expect: )
