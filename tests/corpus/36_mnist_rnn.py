# Idioms of pytorch/examples mnist_rnn/main.py: nn.LSTM(input_size=28, hidden_size=64, batch_first=True),
# input.reshape(-1, 28, 28), output[:, -1, :] (the last step), BatchNorm1d on the LSTM features,
# nn.Dropout2d on 2-D activations, fc1/fc2 with F.relu and F.log_softmax; main() with torch.manual_seed(args.seed).
from __future__ import print_function

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.rnn = nn.LSTM(input_size=28, hidden_size=32, batch_first=True)
        self.batchnorm = nn.BatchNorm1d(32)
        self.dropout1 = nn.Dropout2d(0.25)
        self.dropout2 = nn.Dropout2d(0.5)
        self.fc1 = nn.Linear(32, 16)
        self.fc2 = nn.Linear(16, 10)

    def forward(self, input):
        # (batch_size, 1, 28, 28) images -> (batch_size, 28, 28): 28 steps of 28 features
        input = input.reshape(-1, 28, 28)
        output, hidden = self.rnn(input)

        # the features of the last time step
        output = output[:, -1, :]
        output = self.batchnorm(output)
        output = self.dropout1(output)
        output = self.fc1(output)
        output = F.relu(output)
        output = self.dropout2(output)
        output = self.fc2(output)
        output = F.log_softmax(output, dim=1)
        return output


def main():
    seed = 1
    torch.manual_seed(seed)
    device = torch.device("cpu")
    model = Net().to(device)
    optimizer = optim.Adadelta(model.parameters(), lr=0.1)
    return model, device


if __name__ == '__main__':
    model, device = main()
    model.eval()
    data = torch.randn(4, 1, 28, 28).to(device)
    with torch.no_grad():
        output = model(data)
    pred = output.argmax(dim=1, keepdim=True)
