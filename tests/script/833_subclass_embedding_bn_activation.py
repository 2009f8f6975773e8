# Subclasses of Embedding, BatchNorm2d, an activation, Dropout and pooling: construction draws
# as the layer's, inherited forward, extra attributes, and a subclass of a subclass.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ScaledEmbedding(nn.Embedding):
    def reset_parameters(self):
        nn.init.uniform_(self.weight, -0.05, 0.05)

    def forward(self, x):
        return super().forward(x) * 2.0


class MyBN(nn.BatchNorm2d):
    def reset_parameters(self):
        super().reset_parameters()
        nn.init.zeros_(self.weight)


class LeakyRelu(nn.LeakyReLU):
    def __init__(self):
        super().__init__(0.2, inplace=False)
        self.calls = 0

    def forward(self, x):
        self.calls += 1
        return super().forward(x)


class Drop(nn.Dropout):
    pass


class Pool(nn.MaxPool2d):
    def __init__(self):
        super().__init__(2)


class Pool2(Pool):
    def forward(self, x):
        return super().forward(x) + 1


torch.manual_seed(0)
e = ScaledEmbedding(10, 3, padding_idx=0)
print(e, e.weight[:3].tolist(), torch.rand(1).item())
print(e(torch.tensor([[1, 2], [0, 3]]))[1].tolist())
bn = MyBN(3)
print(bn, bn.weight.tolist(), bn.bias.tolist(), list(bn.state_dict().keys()))
act = LeakyRelu()
print(act, act(torch.tensor([-1.0, 2.0])).tolist(), act.calls)
d = Drop(0.5)
print(d, d(torch.ones(8)).tolist())
d.eval()
print(d(torch.ones(3)).tolist())
p2 = Pool2()
print(p2, isinstance(p2, nn.MaxPool2d), isinstance(p2, Pool))
print(p2(torch.arange(16.0).view(1, 1, 4, 4)).tolist())

# CPython 3.11 printed:
# expect: ScaledEmbedding(10, 3, padding_idx=0) [[-0.0003743410052265972, 0.026822179555892944, -0.04115225747227669], [-0.03679695352911949, -0.019257718697190285, 0.013407868333160877], [-0.0009906589984893799, 0.039644476026296616, -0.004437202122062445]] 0.3051000237464905
# expect: [[-0.0007486820104531944, 0.05364435911178589, -0.08230451494455338], [0.02646125666797161, -0.030221307650208473, -0.01965653896331787]]
# expect: MyBN(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True) [0.0, 0.0, 0.0] [0.0, 0.0, 0.0] ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
# expect: LeakyRelu(negative_slope=0.2) [-0.20000000298023224, 2.0] 1
# expect: Drop(p=0.5, inplace=False) [2.0, 2.0, 2.0, 2.0, 0.0, 0.0, 2.0, 0.0]
# expect: [1.0, 1.0, 1.0]
# expect: Pool2(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) True True
# expect: [[[[6.0, 8.0], [14.0, 16.0]]]]
