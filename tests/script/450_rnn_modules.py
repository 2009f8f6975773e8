# nn.RNN / LSTM / GRU and the cells: reprs, parameter names, checks and errors in PyTorch's words.
import torch
import torch.nn as nn

print(nn.RNN(3, 4, 2, nonlinearity='relu', dropout=0.5, bidirectional=True, batch_first=True, bias=False))
print(nn.LSTM(3, 4, proj_size=2), nn.GRU(5, 6, num_layers=3))
print(nn.RNNCell(3, 4, bias=False, nonlinearity='relu'), nn.LSTMCell(2, 3), nn.GRUCell(2, 3))
m = nn.LSTM(2, 3, proj_size=1, bidirectional=True)
print([(k, tuple(v.shape)) for k, v in m.named_parameters()])
print(m._flat_weights_names[:5], len(m.all_weights), isinstance(m, nn.RNNBase))
print([k for k in nn.GRUCell(2, 3, bias=False).state_dict()], nn.GRUCell(2, 3, bias=False).bias_ih)
m.flatten_parameters()
lstm = nn.LSTM(4, 3, batch_first=True)
out, (h, c) = lstm(torch.randn(2, 5, 4))
print(out.shape, h.shape, c.shape)
for bad in [lambda: lstm(torch.randn(2, 5, 3)),
            lambda: lstm(torch.randn(2, 5, 4), (torch.zeros(1, 3, 3), torch.zeros(1, 2, 3))),
            lambda: lstm(torch.randn(2, 5, 4), (torch.zeros(1, 2, 3), torch.zeros(2, 3))),
            lambda: nn.GRU(4, 3)(torch.randn(5, 4), torch.zeros(1, 1, 3)),
            lambda: nn.RNN(4, 3)(torch.randn(5, 2, 4), torch.zeros(2, 2, 3)),
            lambda: nn.LSTMCell(4, 3)(torch.randn(2, 5)),
            lambda: nn.GRUCell(4, 3)(torch.randn(2, 4), torch.zeros(3, 3)),
            lambda: nn.LSTMCell(4, 3)(torch.randn(2, 4), (torch.zeros(2, 3), torch.zeros(2, 4))),
            lambda: nn.RNNCell(4, 3, nonlinearity='gelu')(torch.randn(2, 4)),
            lambda: nn.RNN(3, 4, nonlinearity='gelu'),
            lambda: nn.GRU(3, 4, proj_size=2),
            lambda: nn.LSTM(3, 4, proj_size=4),
            lambda: nn.LSTM(3, 4, proj_size=-1),
            lambda: nn.LSTM(3, 4, dropout=1.5),
            lambda: nn.LSTM(3, 4, dropout=True)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    nn.GRUCell(4, 3)(torch.randn(2, 4, 1))
except AssertionError as e:
    print("AssertionError:", e)

# CPython 3.11 printed:
# expect: RNN(3, 4, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)
# expect: LSTM(3, 4, proj_size=2) GRU(5, 6, num_layers=3)
# expect: RNNCell(3, 4, bias=False, nonlinearity=relu) LSTMCell(2, 3) GRUCell(2, 3)
# expect: [('weight_ih_l0', (12, 2)), ('weight_hh_l0', (12, 1)), ('bias_ih_l0', (12,)), ('bias_hh_l0', (12,)), ('weight_hr_l0', (1, 3)), ('weight_ih_l0_reverse', (12, 2)), ('weight_hh_l0_reverse', (12, 1)), ('bias_ih_l0_reverse', (12,)), ('bias_hh_l0_reverse', (12,)), ('weight_hr_l0_reverse', (1, 3))]
# expect: ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_hr_l0'] 2 True
# expect: ['weight_ih', 'weight_hh'] None
# expect: torch.Size([2, 5, 3]) torch.Size([1, 2, 3]) torch.Size([1, 2, 3])
# expect: RuntimeError: input.size(-1) must be equal to input_size. Expected 4, got 3
# expect: RuntimeError: Expected hidden[0] size (1, 2, 3), got [1, 3, 3]
# expect: RuntimeError: For batched 3-D input, hx and cx should also be 3-D but got (3-D, 2-D) tensors
# expect: RuntimeError: For unbatched 2-D input, hx should also be 2-D but got 3-D tensor
# expect: RuntimeError: Expected hidden size (1, 2, 3), got [2, 2, 3]
# expect: RuntimeError: input has inconsistent input_size: got 5 expected 4
# expect: RuntimeError: Input batch size 2 doesn't match hidden0 batch size 3
# expect: RuntimeError: hidden0 has inconsistent hidden_size: got 4, expected 3
# expect: RuntimeError: Unknown nonlinearity: gelu
# expect: ValueError: Unknown nonlinearity 'gelu'
# expect: ValueError: proj_size argument is only supported for LSTM, not RNN or GRU
# expect: ValueError: proj_size has to be smaller than hidden_size
# expect: ValueError: proj_size should be a positive integer or zero to disable projections
# expect: ValueError: dropout should be a number in range [0, 1] representing the probability of an element being zeroed
# expect: ValueError: dropout should be a number in range [0, 1] representing the probability of an element being zeroed
# expect: AssertionError: GRUCell: Expected input to be 1-D or 2-D but received 3-D tensor
