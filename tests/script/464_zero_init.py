# initlab.init.zero_ (ZerO, Zhao et al. 2021) against a reference written with torch ops, as the
# authors' example computes it (partial identities around a Hadamard matrix built here by
# Sylvester's doubling): CPython runs the reference, initlab its own. No random draws.
import math

import torch
import torch.nn as nn

try:
    from initlab.init import zero_
except ImportError:
    def hadamard(p):
        h = torch.ones(1, 1)
        while h.shape[0] < p:
            h = torch.cat([torch.cat([h, h], 1), torch.cat([h, -h], 1)], 0)
        return h

    def matrix(m, n):
        if m <= n:
            return nn.init.eye_(torch.empty(m, n))
        clog = math.ceil(math.log2(m))
        p = 2 ** clog
        return nn.init.eye_(torch.empty(m, p)) @ (hadamard(p) / (2 ** (clog / 2))) @ nn.init.eye_(torch.empty(p, n))

    def zero_(weight):
        with torch.no_grad():
            if weight.dim() == 2:
                weight.copy_(matrix(weight.shape[0], weight.shape[1]))
            else:
                weight.zero_()
                k = weight.shape[2] // 2
                weight[:, :, k, k] = matrix(weight.shape[0], weight.shape[1])
        return weight


for shape in [(4, 4), (3, 5), (6, 3), (8, 2), (5, 5, 3, 3), (12, 4, 3, 3)]:
    w = zero_(torch.empty(*shape))
    flat = w.reshape(-1)
    print(shape, sorted(set(flat.tolist())), int((flat != 0).sum()), repr(float(flat.abs().max())))
w = zero_(torch.empty(6, 3))
print(w.tolist())
lin = nn.Linear(3, 16)
zero_(lin.weight)
print(lin.weight[:5].tolist(), lin.weight.requires_grad)
x = torch.randn(4, 3)
print(torch.allclose(zero_(torch.empty(3, 3)) @ x.t(), x.t()))

# CPython 3.11 printed:
# expect: (4, 4) [0.0, 1.0] 4 1.0
# expect: (3, 5) [0.0, 1.0] 3 1.0
# expect: (6, 3) [-0.3535533845424652, 0.3535533845424652] 18 0.3535533845424652
# expect: (8, 2) [-0.3535533845424652, 0.3535533845424652] 16 0.3535533845424652
# expect: (5, 5, 3, 3) [0.0, 1.0] 5 1.0
# expect: (12, 4, 3, 3) [-0.25, 0.0, 0.25] 48 0.25
# expect: [[0.3535533845424652, 0.3535533845424652, 0.3535533845424652], [0.3535533845424652, -0.3535533845424652, 0.3535533845424652], [0.3535533845424652, 0.3535533845424652, -0.3535533845424652], [0.3535533845424652, -0.3535533845424652, -0.3535533845424652], [0.3535533845424652, 0.3535533845424652, 0.3535533845424652], [0.3535533845424652, -0.3535533845424652, 0.3535533845424652]]
# expect: [[0.25, 0.25, 0.25], [0.25, -0.25, 0.25], [0.25, 0.25, -0.25], [0.25, -0.25, -0.25], [0.25, 0.25, 0.25]] True
# expect: True
