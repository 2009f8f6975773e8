import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, n_in, n_out, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        self.depth = 2

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


model = MLP(4, 2)
print(model.depth, model.fc1.out_features, model.fc2.in_features)  # expect: 2 8 8
y = model(torch.ones(5, 4))
print(y.shape, isinstance(model, nn.Module))  # expect: torch.Size([5, 2]) True
