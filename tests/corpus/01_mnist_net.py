# Idioms of pytorch/examples mnist/main.py: Net with conv1/conv2, Dropout(0.25/0.5), F.max_pool2d,
# torch.flatten(x, 1), F.log_softmax; seeded by torch.manual_seed(args.seed) with an argparse-free default.
from __future__ import print_function

import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, 1)
        self.conv2 = nn.Conv2d(8, 16, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(16 * 6 * 6, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output


def main():
    seed = 1
    torch.manual_seed(seed)
    device = torch.device("cpu")
    model = Net().to(device)
    return model


if __name__ == '__main__':
    model = main()
    model.eval()
    data = torch.randn(4, 1, 16, 16)
    with torch.no_grad():
        output = model(data)
    pred = output.argmax(dim=1, keepdim=True)
