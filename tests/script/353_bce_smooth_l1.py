# F.binary_cross_entropy / nn.BCELoss (weight, reductions, the -100 clamp, PyTorch's errors)
# and F.smooth_l1_loss / nn.SmoothL1Loss (beta, beta 0): values, grad_fn names and gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([0.0, 1.0, 0.5, 0.25, 0.875], requires_grad=True)
t = torch.tensor([0.0, 0.0, 1.0, 1.0, 0.5])
print(F.binary_cross_entropy(x, t, reduction='none'))
loss = F.binary_cross_entropy(x, t)
print(loss)
loss.backward()
print(x.grad)
w = torch.tensor([2.0, 3.0])
p = torch.tensor([[0.3, 0.7], [0.9, 0.2]], requires_grad=True)
crit = nn.BCELoss(weight=w, reduction='sum')
print(crit, crit.reduction, list(crit.state_dict().keys()))
l2 = crit(p, torch.tensor([[1.0, 0.0], [1.0, 1.0]]))
l2.backward()
print(round(l2.item(), 5), [[round(v, 4) for v in r] for r in p.grad.tolist()])
print(nn.BCELoss()(torch.sigmoid(torch.tensor([0.0, 2.0])), torch.tensor([1.0, 0.0])))
for bad in [(torch.tensor([1.5]), torch.tensor([1.0])), (torch.tensor([0.5]), torch.tensor([1.0, 0.0]))]:
    try:
        F.binary_cross_entropy(*bad)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)

y = torch.tensor([0.2, -3.0, 0.0, 0.5], requires_grad=True)
z = torch.zeros(4)
print(F.smooth_l1_loss(y, z, reduction='none', beta=0.5))
l3 = F.smooth_l1_loss(y, z)
l3.backward()
print(l3, y.grad)
y.grad = None
l4 = nn.SmoothL1Loss(beta=0.0, reduction='sum')(y, z)
l4.backward()
print(l4, y.grad, nn.SmoothL1Loss())

# PyTorch 1.13 printed:
# expect: tensor([  0.0000, 100.0000,   0.6931,   1.3863,   1.1065],
# expect:        grad_fn=<BinaryCrossEntropyBackward0>)
# expect: tensor(20.6372, grad_fn=<BinaryCrossEntropyBackward0>)
# expect: tensor([ 0.0000e+00,  2.0000e+11, -4.0000e-01, -8.0000e-01,  6.8571e-01])
# expect: BCELoss() sum ['weight']
# expect: 11.0589 [[-6.6667, 10.0], [-2.2222, -15.0]]
# expect: tensor(1.4100)
# expect: RuntimeError all elements of input should be between 0 and 1
# expect: ValueError Using a target size (torch.Size([2])) that is different to the input size (torch.Size([1])) is deprecated. Please ensure they have the same size.
# expect: tensor([0.0400, 2.7500, 0.0000, 0.2500], grad_fn=<SmoothL1LossBackward0>)
# expect: tensor(0.6612, grad_fn=<SmoothL1LossBackward0>) tensor([ 0.0500, -0.2500,  0.0000,  0.1250])
# expect: tensor(3.7000, grad_fn=<SmoothL1LossBackward0>) tensor([ 1., -1., -1.,  1.]) SmoothL1Loss()
