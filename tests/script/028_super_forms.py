import torch.nn as nn


class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.conv = nn.Conv2d(1, 2, 3)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)


class Deeper(Net):
    def __init__(self, extra):
        super(Deeper, self).__init__()
        self.extra = extra


print(len(list(CNN().parameters())), len(list(Net().parameters())))  # expect: 2 2
d = Deeper(5)
print(d.extra, d.fc)  # expect: 5 Linear(in_features=2, out_features=1, bias=True)
