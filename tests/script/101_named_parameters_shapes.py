import torch.nn as nn

model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.Conv2d(16, 32, 3, groups=4, bias=False),
    nn.LayerNorm(32),
    nn.Linear(32, 10),
)
for name, p in model.named_parameters():
    print(f"{name:10s} {str(list(p.shape)):16s} {p.numel()}")
# expect: 0.weight   [16, 3, 3, 3]    432
# expect: 0.bias     [16]             16
# expect: 1.weight   [16]             16
# expect: 1.bias     [16]             16
# expect: 3.weight   [32, 4, 3, 3]    1152
# expect: 4.weight   [32]             32
# expect: 4.bias     [32]             32
# expect: 5.weight   [10, 32]         320
# expect: 5.bias     [10]             10
total = sum([p.numel() for p in model.parameters()])
print("total", total)  # expect: total 2026
print([n for n, _ in model.named_buffers()])  # expect: ['1.running_mean', '1.running_var', '1.num_batches_tracked']
