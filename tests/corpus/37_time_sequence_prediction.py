# Idioms of pytorch/examples time_sequence_prediction/train.py + generate_sine_wave.py: two nn.LSTMCell
# stacked by hand, a dummy_param = nn.Parameter(torch.empty(0)) for the device, zeros(..., dtype=torch.double)
# states, `for input_t in input.split(1, dim=1)`, `outputs += [output]`, a `future` loop, torch.cat(outputs,
# dim=1), the model made double with seq.double(); data from np.random.seed / np.random.randint / np.sin.
from __future__ import print_function
import torch
import torch.nn as nn
import torch.optim as optim
import numpy as np


class Sequence(nn.Module):
    def __init__(self):
        super(Sequence, self).__init__()
        self.lstm1 = nn.LSTMCell(1, 16)
        self.lstm2 = nn.LSTMCell(16, 16)
        self.linear = nn.Linear(16, 1)
        self.dummy_param = nn.Parameter(torch.empty(0))

    def forward(self, input, future = 0):
        outputs = []
        device = self.dummy_param.device
        h_t = torch.zeros(input.size(0), 16, dtype=torch.double).to(device)
        c_t = torch.zeros(input.size(0), 16, dtype=torch.double).to(device)
        h_t2 = torch.zeros(input.size(0), 16, dtype=torch.double).to(device)
        c_t2 = torch.zeros(input.size(0), 16, dtype=torch.double).to(device)

        for input_t in input.split(1, dim=1):
            h_t, c_t = self.lstm1(input_t, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        for i in range(future):  # predicting the future from our own outputs
            h_t, c_t = self.lstm1(output, (h_t, c_t))
            h_t2, c_t2 = self.lstm2(h_t, (h_t2, c_t2))
            output = self.linear(h_t2)
            outputs += [output]
        outputs = torch.cat(outputs, dim=1)
        return outputs


if __name__ == '__main__':
    # generate_sine_wave.py: N noisy-phase sine waves of length L
    np.random.seed(2)
    T = 20
    L = 12
    N = 4
    x = np.empty((N, L), 'int64')
    x[:] = np.array(range(L)) + np.random.randint(-4 * T, 4 * T, N).reshape(N, 1)
    data = np.sin(x / 1.0 / T).astype('float64')

    # train.py
    np.random.seed(0)
    torch.manual_seed(0)
    device = torch.device("cpu")
    data = torch.from_numpy(data).to(device)
    input = data[1:, :-1]
    target = data[1:, 1:]
    test_input = data[:1, :-1]
    seq = Sequence().to(device).double()
    criterion = nn.MSELoss().to(device)
    optimizer = optim.LBFGS(seq.parameters(), lr=0.8)
    model = seq
    with torch.no_grad():
        future = 3
        pred = model(test_input, future=future)
        y = pred.detach().numpy()
