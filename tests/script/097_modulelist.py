import torch
import torch.nn as nn


class Stack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])])
        self.layers.append(nn.Tanh())

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


net = Stack([4, 3, 2])
print(net)
# expect: Stack(
# expect:   (layers): ModuleList(
# expect:     (0): Linear(in_features=4, out_features=3, bias=True)
# expect:     (1): Linear(in_features=3, out_features=2, bias=True)
# expect:     (2): Tanh()
# expect:   )
# expect: )
print(len(net.layers), net.layers[1].in_features, net(torch.ones(5, 4)).shape)  # expect: 3 3 torch.Size([5, 2])
