# Subclasses of the recurrent layers: forward calling super().forward, reset_parameters
# overridden (PyTorch's RNNBase.__init__ calls it), and a model using them as layers.
import torch
import torch.nn as nn


class MyLSTM(nn.LSTM):
    def reset_parameters(self):
        for name, p in self.named_parameters():
            if "weight" in name:
                nn.init.orthogonal_(p)
            else:
                nn.init.zeros_(p)

    def forward(self, x, hx=None):
        out, (h, c) = super().forward(x, hx)
        return out * 0.5, (h, c)


class MyGRU(nn.GRU):
    pass


torch.manual_seed(0)
lstm = MyLSTM(3, 4, batch_first=True)
print(lstm)
print(lstm.weight_hh_l0[0].tolist(), lstm.bias_ih_l0.abs().max().item(), torch.rand(1).item())
out, (h, c) = lstm(torch.randn(2, 5, 3))
print(tuple(out.shape), round(out.sum().item(), 5), round(h.sum().item(), 5))
gru = MyGRU(3, 2)
print(gru, isinstance(gru, nn.GRU), gru.weight_ih_l0[0].tolist())

# CPython 3.11 printed:
# expect: MyLSTM(3, 4, batch_first=True)
# expect: [-0.14677536487579346, 0.16646809875965118, 0.3498876988887787, -0.22177013754844666] 0.0 0.19573044776916504
# expect: (2, 5, 4) 0.11098 0.37952
# expect: MyGRU(3, 2) True [-0.2867124378681183, -0.13619956374168396, -0.13883525133132935]
