# torch.nn's recurrent layers (RNN, LSTM, GRU and their cells) written over tensor ops, as
# PyTorch 1.13 defines them (torch/nn/modules/rnn.py and ATen's RNN.cpp): the same
# constructor arguments, parameter names and order, reset_parameters' draws, repr, checks and
# messages. The step formulas follow ATen's CPU cells (the input projection of a whole layer
# computed at once, then per step the hidden projection added to it), so outputs agree with
# PyTorch's to float rounding and autograd differentiates them through the composing ops.
# Each forward hands its gates' pre-activations and its hidden states to the probe.
import math as _math
import numbers as _numbers
import warnings as _warnings

import torch as _torch
import torch.nn as _nn
import torch.nn.functional as _F
import _initlab

# Gate names per mode, in the order ATen chunks the gate rows, with their nonlinearities.
_GATES = {
    'LSTM': (('input', 'sigmoid'), ('forget', 'sigmoid'), ('cell', 'tanh'), ('output', 'sigmoid')),
    'GRU': (('reset', 'sigmoid'), ('update', 'sigmoid'), ('new', 'tanh')),
    'RNN_TANH': (('hidden', 'tanh'),),
    'RNN_RELU': (('hidden', 'relu'),),
}


def _linear(x, w, b):
    y = _torch.matmul(x, w.t())
    if b is not None:
        y = y + b
    return y


def _stack0(items):
    return _torch.stack(items, 0)


def _step(mode, xw, h, c, w_hh, b_hh, w_hr, hidden_size):
    # One time step of one direction: xw is this step's input projection (x W_ih^T + b_ih).
    # Returns (h, c, gate pre-activations as one (batch, gates * hidden) tensor).
    H = hidden_size
    hh = _linear(h, w_hh, b_hh)
    if mode == 'LSTM':
        gates = hh + xw
        i = _torch.sigmoid(gates[:, 0:H])
        f = _torch.sigmoid(gates[:, H:2 * H])
        g = _torch.tanh(gates[:, 2 * H:3 * H])
        o = _torch.sigmoid(gates[:, 3 * H:4 * H])
        c = f * c + i * g
        h = o * _torch.tanh(c)
        if w_hr is not None:
            h = _torch.matmul(h, w_hr.t())
        return h, c, gates
    if mode == 'GRU':
        # ATen's GRU cell: the reset gate scales the hidden projection of the new gate,
        # bias b_hn included: n = tanh(W_in x + b_in + r * (W_hn h + b_hn)).
        r_pre = xw[:, 0:H] + hh[:, 0:H]
        z_pre = xw[:, H:2 * H] + hh[:, H:2 * H]
        r = _torch.sigmoid(r_pre)
        z = _torch.sigmoid(z_pre)
        n_pre = xw[:, 2 * H:3 * H] + r * hh[:, 2 * H:3 * H]
        n = _torch.tanh(n_pre)
        h = (h - n) * z + n
        return h, c, _torch.cat([r_pre, z_pre, n_pre], 1)
    pre = hh + xw
    h = _torch.tanh(pre) if mode == 'RNN_TANH' else _torch.relu(pre)
    return h, c, pre


def _hand_to_probe(mode, layer, reverse, pre_steps, outputs, hidden_size):
    # The gates' pre-activations over all steps and the hidden state at each step.
    pre = _torch.cat(pre_steps, 0)
    H = hidden_size
    for k, (gate, activation) in enumerate(_GATES[mode]):
        _initlab.probe_gate(layer, reverse, gate, activation, pre[:, k * H:(k + 1) * H])
    _initlab.probe_hidden(layer, reverse, outputs)


class RNNBase(_nn.Module):
    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0., bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        if not isinstance(dropout, _numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
            raise ValueError("dropout should be a number in range [0, 1] representing the probability of "
                             "an element being zeroed")
        if dropout > 0 and num_layers == 1:
            _warnings.warn("dropout option adds dropout after all but last recurrent layer, so non-zero "
                           "dropout expects num_layers greater than 1, but got dropout={} and "
                           "num_layers={}".format(dropout, num_layers))
        if proj_size < 0:
            raise ValueError("proj_size should be a positive integer or zero to disable projections")
        if proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        if mode == 'LSTM':
            gate_size = 4 * hidden_size
        elif mode == 'GRU':
            gate_size = 3 * hidden_size
        elif mode == 'RNN_TANH' or mode == 'RNN_RELU':
            gate_size = hidden_size
        else:
            raise ValueError("Unrecognized RNN mode: " + mode)
        self._flat_weights_names = []
        self._all_weights = []
        real_hidden_size = proj_size if proj_size > 0 else hidden_size
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input_size = input_size if layer == 0 else real_hidden_size * num_directions
                suffix = '_reverse' if direction == 1 else ''
                # Created in PyTorch's order (w_ih, w_hh, b_ih, b_hh, w_hr) and registered
                # under these names; reset_parameters draws in registration order.
                shapes = [('weight_ih_l', (gate_size, layer_input_size)), ('weight_hh_l', (gate_size, real_hidden_size))]
                if bias:
                    shapes += [('bias_ih_l', (gate_size,)), ('bias_hh_l', (gate_size,))]
                if proj_size > 0:
                    shapes += [('weight_hr_l', (proj_size, hidden_size))]
                names = []
                for stem, shape in shapes:
                    name = stem + str(layer) + suffix
                    setattr(self, name, _nn.Parameter(_torch.empty(shape)))
                    names.append(name)
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        return [getattr(self, n) for n in self._flat_weights_names]

    @property
    def all_weights(self):
        return [[getattr(self, n) for n in names] for names in self._all_weights]

    def flatten_parameters(self):
        # PyTorch's cuDNN weight packing; on the CPU (and here) nothing to do.
        return None

    def reset_parameters(self):
        stdv = 1.0 / _math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            _nn.init.uniform_(weight, -stdv, stdv)

    def check_input(self, input, batch_sizes):
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise RuntimeError('input must have {} dimensions, got {}'.format(expected_input_dim, input.dim()))
        if self.input_size != input.size(-1):
            raise RuntimeError('input.size(-1) must be equal to input_size. Expected {}, got {}'.format(
                self.input_size, input.size(-1)))

    def get_expected_hidden_size(self, input, batch_sizes):
        if batch_sizes is not None:
            mini_batch = int(batch_sizes[0])
        else:
            mini_batch = input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        size = self.proj_size if self.proj_size > 0 else self.hidden_size
        return (self.num_layers * num_directions, mini_batch, size)

    def check_hidden_size(self, hx, expected_hidden_size, msg='Expected hidden size {}, got {}'):
        if hx.size() != expected_hidden_size:
            raise RuntimeError(msg.format(expected_hidden_size, list(hx.size())))

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx.index_select(1, permutation)

    def extra_repr(self):
        s = '{}, {}'.format(self.input_size, self.hidden_size)
        if self.proj_size != 0:
            s += ', proj_size={}'.format(self.proj_size)
        if self.num_layers != 1:
            s += ', num_layers={}'.format(self.num_layers)
        if self.bias is not True:
            s += ', bias={}'.format(self.bias)
        if self.batch_first is not False:
            s += ', batch_first={}'.format(self.batch_first)
        if self.dropout != 0:
            s += ', dropout={}'.format(self.dropout)
        if self.bidirectional is not False:
            s += ', bidirectional={}'.format(self.bidirectional)
        return s

    def _run(self, input, h0, c0):
        # input (T, B, I) time-major; h0/c0 (layers * directions, B, size). Returns the last
        # layer's outputs (T, B, directions * size) and the final h (and c) of every layer and
        # direction, in PyTorch's order (layer-major, forward before reverse).
        mode = self.mode
        num_directions = 2 if self.bidirectional else 1
        probing = _initlab.probe_active()
        steps = input.size(0)
        layer_input = input
        h_n = []
        c_n = []
        for layer in range(self.num_layers):
            direction_outputs = []
            for direction in range(num_directions):
                suffix = '_reverse' if direction == 1 else ''
                index = layer * num_directions + direction
                w_ih = getattr(self, 'weight_ih_l' + str(layer) + suffix)
                w_hh = getattr(self, 'weight_hh_l' + str(layer) + suffix)
                b_ih = getattr(self, 'bias_ih_l' + str(layer) + suffix) if self.bias else None
                b_hh = getattr(self, 'bias_hh_l' + str(layer) + suffix) if self.bias else None
                w_hr = getattr(self, 'weight_hr_l' + str(layer) + suffix) if self.proj_size > 0 else None
                # The whole layer's input projection at once, as ATen's CPU path computes it.
                xw = _linear(layer_input, w_ih, b_ih)
                h = h0[index]
                c = c0[index] if c0 is not None else None
                outputs = [None] * steps
                pre_steps = []
                order = range(steps - 1, -1, -1) if direction == 1 else range(steps)
                for t in order:
                    h, c, pre = _step(mode, xw[t], h, c, w_hh, b_hh, w_hr, self.hidden_size)
                    outputs[t] = h
                    if probing:
                        pre_steps.append(pre)
                out = _stack0(outputs) if steps > 0 else _torch.zeros(0, h.size(0), h.size(1))
                if probing and steps > 0:
                    _hand_to_probe(mode, layer, direction == 1, pre_steps, out, self.hidden_size)
                direction_outputs.append(out)
                h_n.append(h)
                if c is not None:
                    c_n.append(c)
            layer_output = direction_outputs[0] if num_directions == 1 else _torch.cat(direction_outputs, 2)
            if self.dropout > 0 and self.training and layer < self.num_layers - 1:
                layer_output = _F.dropout(layer_output, self.dropout, True)
            layer_input = layer_output
        return layer_input, _stack0(h_n), (_stack0(c_n) if c0 is not None else None)

    def _time_major(self, input):
        return input.transpose(0, 1) if self.batch_first else input

    def _batch_layout(self, output):
        return output.transpose(0, 1) if self.batch_first else output


def _reject_packed(input):
    if type(input).__name__ == 'PackedSequence':
        raise NotImplementedError("not supported in initlab: a PackedSequence input to a recurrent layer")


class _SingleStateRNN(RNNBase):
    # RNN and GRU: one hidden state tensor.
    def forward(self, input, hx=None):
        _reject_packed(input)
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
            if hx is not None:
                if hx.dim() != 2:
                    raise RuntimeError(
                        "For unbatched 2-D input, hx should also be 2-D but got {}-D tensor".format(hx.dim()))
                hx = hx.unsqueeze(1)
        else:
            if hx is not None and hx.dim() != 3:
                raise RuntimeError("For batched 3-D input, hx should also be 3-D but got {}-D tensor".format(hx.dim()))
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            num_directions = 2 if self.bidirectional else 1
            hx = _torch.zeros(self.num_layers * num_directions, max_batch_size, self.hidden_size)
        self.check_forward_args(input, hx, None)
        output, hidden, _ = self._run(self._time_major(input), hx, None)
        output = self._batch_layout(output)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hidden = hidden.squeeze(1)
        return output, hidden


class RNN(_SingleStateRNN):
    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        self.nonlinearity = kwargs.pop('nonlinearity', 'tanh')
        if self.nonlinearity == 'tanh':
            mode = 'RNN_TANH'
        elif self.nonlinearity == 'relu':
            mode = 'RNN_RELU'
        else:
            raise ValueError("Unknown nonlinearity '{}'".format(self.nonlinearity))
        super().__init__(mode, *args, **kwargs)


class GRU(_SingleStateRNN):
    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__('GRU', *args, **kwargs)


class LSTM(RNNBase):
    def __init__(self, *args, **kwargs):
        super().__init__('LSTM', *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes):
        if batch_sizes is not None:
            mini_batch = int(batch_sizes[0])
        else:
            mini_batch = input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        return (self.num_layers * num_directions, mini_batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden[0], self.get_expected_hidden_size(input, batch_sizes),
                               'Expected hidden[0] size {}, got {}')
        self.check_hidden_size(hidden[1], self.get_expected_cell_size(input, batch_sizes),
                               'Expected hidden[1] size {}, got {}')

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx[0].index_select(1, permutation), hx[1].index_select(1, permutation)

    def forward(self, input, hx=None):
        _reject_packed(input)
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            num_directions = 2 if self.bidirectional else 1
            real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
            h_zeros = _torch.zeros(self.num_layers * num_directions, max_batch_size, real_hidden_size)
            c_zeros = _torch.zeros(self.num_layers * num_directions, max_batch_size, self.hidden_size)
            hx = (h_zeros, c_zeros)
        else:
            if is_batched:
                if hx[0].dim() != 3 or hx[1].dim() != 3:
                    raise RuntimeError("For batched 3-D input, hx and cx should also be 3-D but got "
                                       "({}-D, {}-D) tensors".format(hx[0].dim(), hx[1].dim()))
            else:
                if hx[0].dim() != 2 or hx[1].dim() != 2:
                    raise RuntimeError("For unbatched 2-D input, hx and cx should also be 2-D but got "
                                       "({}-D, {}-D) tensors".format(hx[0].dim(), hx[1].dim()))
                hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1))
        self.check_forward_args(input, hx, None)
        output, h_n, c_n = self._run(self._time_major(input), hx[0], hx[1])
        output = self._batch_layout(output)
        if not is_batched:
            output = output.squeeze(batch_dim)
            h_n = h_n.squeeze(1)
            c_n = c_n.squeeze(1)
        return output, (h_n, c_n)


class RNNCellBase(_nn.Module):
    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = _nn.Parameter(_torch.empty((num_chunks * hidden_size, input_size)))
        self.weight_hh = _nn.Parameter(_torch.empty((num_chunks * hidden_size, hidden_size)))
        if bias:
            self.bias_ih = _nn.Parameter(_torch.empty(num_chunks * hidden_size))
            self.bias_hh = _nn.Parameter(_torch.empty(num_chunks * hidden_size))
        else:
            self.register_parameter('bias_ih', None)
            self.register_parameter('bias_hh', None)
        self.reset_parameters()

    def extra_repr(self):
        s = '{}, {}'.format(self.input_size, self.hidden_size)
        if self.bias is not True:
            s += ', bias={}'.format(self.bias)
        nonlinearity = getattr(self, 'nonlinearity', 'tanh')
        if nonlinearity != "tanh":
            s += ', nonlinearity={}'.format(nonlinearity)
        return s

    def reset_parameters(self):
        stdv = 1.0 / _math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            _nn.init.uniform_(weight, -stdv, stdv)

    def _check(self, input, hx):
        # ATen's check_rnn_cell_forward_input / _hidden, in its words (it names every state
        # "hidden0", the cell state of an LSTMCell too).
        if input.size(1) != self.input_size:
            raise RuntimeError("input has inconsistent input_size: got {} expected {}".format(
                input.size(1), self.input_size))
        if input.size(0) != hx.size(0):
            raise RuntimeError("Input batch size {} doesn't match hidden0 batch size {}".format(
                input.size(0), hx.size(0)))
        if hx.size(1) != self.hidden_size:
            raise RuntimeError("hidden0 has inconsistent hidden_size: got {}, expected {}".format(
                hx.size(1), self.hidden_size))

    def _cell(self, mode, input, h, c):
        xw = _linear(input, self.weight_ih, self.bias_ih)
        h, c, pre = _step(mode, xw, h, c, self.weight_hh, self.bias_hh, None, self.hidden_size)
        if _initlab.probe_active():
            _hand_to_probe(mode, 0, False, [pre], h.unsqueeze(0), self.hidden_size)
        return h, c


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        assert input.dim() in (1, 2), \
            "RNNCell: Expected input to be 1-D or 2-D but received {}-D tensor".format(input.dim())
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = _torch.zeros(input.size(0), self.hidden_size)
        else:
            hx = hx.unsqueeze(0) if not is_batched else hx
        if self.nonlinearity == "tanh":
            mode = 'RNN_TANH'
        elif self.nonlinearity == "relu":
            mode = 'RNN_RELU'
        else:
            raise RuntimeError("Unknown nonlinearity: {}".format(self.nonlinearity))
        self._check(input, hx)
        ret, _ = self._cell(mode, input, hx, None)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4)

    def forward(self, input, hx=None):
        assert input.dim() in (1, 2), \
            "LSTMCell: Expected input to be 1-D or 2-D but received {}-D tensor".format(input.dim())
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = _torch.zeros(input.size(0), self.hidden_size)
            hx = (zeros, zeros)
        else:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0)) if not is_batched else hx
        self._check(input, hx[0])
        self._check(input, hx[1])
        h, c = self._cell('LSTM', input, hx[0], hx[1])
        if not is_batched:
            return (h.squeeze(0), c.squeeze(0))
        return (h, c)


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3)

    def forward(self, input, hx=None):
        assert input.dim() in (1, 2), \
            "GRUCell: Expected input to be 1-D or 2-D but received {}-D tensor".format(input.dim())
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = _torch.zeros(input.size(0), self.hidden_size)
        else:
            hx = hx.unsqueeze(0) if not is_batched else hx
        self._check(input, hx)
        ret, _ = self._cell('GRU', input, hx, None)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret
