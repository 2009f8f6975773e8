# Orthogonal init through np.linalg.svd where LAPACK's divide and conquer decides the signs
# (more than 25 rows in the bidiagonal problem): the float32 weights are PyTorch's and numpy's
# bit for bit.
import numpy as np
import torch
import torch.nn as nn


def orthogonal(shape, gain=1.0):
    flat_shape = (shape[0], int(np.prod(shape[1:])))
    a = np.random.normal(0.0, 1.0, flat_shape)
    u, _, v = np.linalg.svd(a, full_matrices=False)
    q = u if u.shape == flat_shape else v
    return (gain * q.reshape(shape)).astype(np.float32)


def checksum(t):
    w = t.detach().numpy().astype(np.float64).ravel()
    return repr(float((w * np.arange(1, w.size + 1)).sum()))


np.random.seed(42)
torch.manual_seed(42)
model = nn.Sequential(nn.Conv2d(32, 64, 3), nn.ReLU(), nn.Flatten(), nn.Linear(300, 128), nn.Linear(128, 40))
for m in model.modules():
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        m.weight.data = torch.from_numpy(orthogonal(m.weight.shape, gain=np.sqrt(2.0)))
        nn.init.zeros_(m.bias)
for name, p in model.named_parameters():
    if name.endswith("weight"):
        print(name, tuple(p.shape), p.view(-1)[:2].tolist(), checksum(p))
w = model[3].weight.detach().numpy().astype(np.float64)
print(np.allclose(w @ w.T, 2.0 * np.eye(128), atol=1e-5), round(np.linalg.norm(w, 2) ** 2 / 2, 6))
# expect: 0.weight (64, 32, 3, 3) [0.15309225022792816, 0.028456395491957664] 133718.87309730274
# expect: 3.weight (128, 300) [0.08977801352739334, -0.024839619174599648] 263785.37231587025
# expect: 4.weight (40, 128) [0.0937739908695221, 0.09567698836326599] 3111.3593385450804
# expect: True 1.0
