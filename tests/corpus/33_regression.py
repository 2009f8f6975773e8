# Idioms of pytorch/examples regression/main.py: module-level W_target/b_target from torch.randn, make_features
# with torch.cat of x ** i, a bare torch.nn.Linear as the model, itertools.count loop with fc.zero_grad(),
# F.smooth_l1_loss, manual SGD `param.add_(-0.1 * param.grad)`, poly_desc with '{:+.2f}' formatting.
from __future__ import print_function
from itertools import count

import torch
import torch.nn.functional as F

POLY_DEGREE = 4
W_target = torch.randn(POLY_DEGREE, 1) * 5
b_target = torch.randn(1) * 5


def make_features(x):
    """The polynomial features of x: one column per power 1..POLY_DEGREE."""
    x = x.unsqueeze(1)
    return torch.cat([x ** i for i in range(1, POLY_DEGREE+1)], 1)


def f(x):
    """The target polynomial."""
    return x.mm(W_target) + b_target.item()


def poly_desc(W, b):
    """The polynomial as text."""
    result = 'y = '
    for i, w in enumerate(W):
        result += '{:+.2f} x^{} '.format(w, i + 1)
    result += '{:+.2f}'.format(b[0])
    return result


def get_batch(batch_size=32):
    """A batch of inputs and their targets."""
    random = torch.randn(batch_size)
    x = make_features(random)
    y = f(x)
    return x, y


fc = torch.nn.Linear(W_target.size(0), 1)
model = fc

for batch_idx in count(1):
    batch_x, batch_y = get_batch()

    fc.zero_grad()

    output = F.smooth_l1_loss(fc(batch_x), batch_y)
    loss = output.item()

    output.backward()

    # plain gradient descent
    with torch.no_grad():
        for param in fc.parameters():
            param.add_(-0.1 * param.grad)

    # Stop criterion (a few steps here: the corpus runs every file in well under a second)
    if loss < 1e-3 or batch_idx >= 5:
        break

print('Loss: {:.6f} after {} batches'.format(loss, batch_idx))
print('==> Learned function:\t' + poly_desc(fc.weight.view(-1), fc.bias))
print('==> Actual function:\t' + poly_desc(W_target.view(-1), b_target))
test_x, _ = get_batch(4)
out = model(test_x)
