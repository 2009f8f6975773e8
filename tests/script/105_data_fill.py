import torch.nn as nn

conv = nn.Conv2d(1, 2, 2)
conv.weight.data.fill_(0.2)
conv.bias.data.zero_()
print(conv.weight.data[1])
# expect: tensor([[[0.2000, 0.2000],
# expect:          [0.2000, 0.2000]]])
print(conv.bias)
# expect: Parameter containing:
# expect: tensor([0., 0.], requires_grad=True)
conv.weight.data[0, 0, 0, 0] = 1.0
print(f"{conv.weight.sum().item():.4f}", conv.weight.data.requires_grad)  # expect: 2.4000 False
print(conv.weight.data.view(2, 4))
# expect: tensor([[1.0000, 0.2000, 0.2000, 0.2000],
# expect:         [0.2000, 0.2000, 0.2000, 0.2000]])
