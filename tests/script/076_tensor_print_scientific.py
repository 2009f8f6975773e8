import torch

print(torch.tensor([1e-5, 2.0, 3e4]))  # expect: tensor([1.0000e-05, 2.0000e+00, 3.0000e+04])
print(torch.tensor([0.001, 0.0002]))  # expect: tensor([0.0010, 0.0002])
print(torch.tensor([1e10, 1.0]))  # expect: tensor([1.0000e+10, 1.0000e+00])
print(torch.tensor([1e-8, -3e-9]))  # expect: tensor([ 1.0000e-08, -3.0000e-09])
print(torch.tensor([123456.0, 2.0]))  # expect: tensor([1.2346e+05, 2.0000e+00])
print(torch.tensor([100.0, 2.5]))  # expect: tensor([100.0000,   2.5000])
