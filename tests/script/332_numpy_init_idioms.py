# Init code that draws weights with numpy and hands them to torch (Lasagne/Saxe orthogonal via
# SVD, QR with the signs of R's diagonal, Glorot uniform and He normal through np.sqrt): the
# torch weights are PyTorch's bit for bit (the bidiagonal problems here have at most 25 rows).
import numpy as np
import torch
import torch.nn as nn


def orthogonal(shape, gain=1.0):
    flat_shape = (shape[0], int(np.prod(shape[1:])))
    a = np.random.normal(0.0, 1.0, flat_shape)
    u, _, v = np.linalg.svd(a, full_matrices=False)
    q = u if u.shape == flat_shape else v
    return gain * q.reshape(shape)


def orthogonal_qr(rows, cols):
    a = np.random.randn(max(rows, cols), min(rows, cols))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))
    return q if rows >= cols else q.T


def checksum(t):
    # every element, weighted by its position: a changed sign, order or bit shows
    w = t.detach().numpy().astype(np.float64).ravel()
    return repr(float((w * np.arange(1, w.size + 1)).sum()))


np.random.seed(1234)
torch.manual_seed(0)
conv = nn.Conv2d(3, 16, 3)
conv.weight.data.copy_(torch.from_numpy(orthogonal(conv.weight.shape, gain=np.sqrt(2))))
fc1 = nn.Linear(20, 10)
fc1.weight.data = torch.from_numpy(orthogonal((10, 20)).astype(np.float32))
fc2 = nn.Linear(10, 24)
fc2.weight.data.copy_(torch.from_numpy(orthogonal_qr(24, 10)))
fan_in, fan_out = 24, 5
bound = np.sqrt(6.0 / (fan_in + fan_out))
fc3 = nn.Linear(fan_in, fan_out)
fc3.weight.data = torch.from_numpy(np.random.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32))
fc3.bias.data.fill_(0.0)
conv2 = nn.Conv2d(16, 8, 3)
std = np.sqrt(2.0 / (16 * 3 * 3))
nn.init.normal_(conv2.weight, 0.0, std)
conv2.bias.data.copy_(torch.from_numpy(np.random.normal(0, std, 8)))
for name, t in [("conv", conv.weight), ("fc1", fc1.weight), ("fc2", fc2.weight), ("fc3", fc3.weight), ("conv2", conv2.weight), ("conv2.bias", conv2.bias), ("conv.bias", conv.bias)]:
    print(name, tuple(t.shape), t.view(-1)[:3].tolist(), checksum(t))
w = conv.weight.detach().numpy().reshape(16, -1)
print(np.allclose(w @ w.T, 2 * np.eye(16), atol=1e-5), repr(bound), repr(std))
x = torch.randn(2, 3, 8, 8)
y = conv2(torch.relu(conv(x)))
print(y.shape, f"{y.mean().item():.4f} {y.std().item():.4f}")
# expect: conv (16, 3, 3, 3) [-0.14458134770393372, -0.07607699930667877, 0.4762135446071625] -670.8286513113417
# expect: fc1 (10, 20) [-0.4399023652076721, -0.203958198428154, 0.2658957242965698] 607.1223843690968
# expect: fc2 (24, 10) [0.21388395130634308, 0.009000292047858238, 0.06612578779459] 210.4632757990621
# expect: fc3 (5, 24) [-0.37439510226249695, -0.40328237414360046, -0.36090970039367676] 76.23746878094971
# expect: conv2 (8, 16, 3, 3) [0.04240153729915619, 0.07030989229679108, -0.027173971757292747] -2574.6651217732797
# expect: conv2.bias (8,) [0.08258827775716782, 0.10384340584278107, -0.07698080688714981] -0.9190128296613693
# expect: conv.bias (16,) [0.16334742307662964, 0.012622484937310219, -0.1282656192779541] -4.663522087037563
# expect: True 0.454858826147342 0.11785113019775792
# expect: torch.Size([2, 8, 4, 4]) -0.1478 1.2584
