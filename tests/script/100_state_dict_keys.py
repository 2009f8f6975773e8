import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(4, 2))


net = Net()
print(list(net.state_dict().keys()))  # expect: ['conv.weight', 'bn.weight', 'bn.bias', 'bn.running_mean', 'bn.running_var', 'bn.num_batches_tracked', 'head.1.weight', 'head.1.bias']
sd = net.state_dict()
print(len(sd), sd['bn.running_var'], sd['bn.num_batches_tracked'])  # expect: 8 tensor([1., 1., 1., 1.]) tensor(0)
print(sd['head.1.weight'].shape, sd['head.1.weight'].requires_grad)  # expect: torch.Size([2, 4]) False
