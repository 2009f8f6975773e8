import torch
import torch.nn as nn
import torch.nn.functional as F

# The grad_fn names PyTorch 1.13 prints for the ops of a training loop.
torch.manual_seed(5)
x = torch.randn(2, 3)
w = torch.randn(3, 3, requires_grad=True)
h = x @ w
print(h[0])  # expect: tensor([ 1.1011,  1.0798, -1.1064], grad_fn=<SelectBackward0>)
print(h.sum(), h.mean())  # expect: tensor(0.6704, grad_fn=<SumBackward0>) tensor(0.1117, grad_fn=<MeanBackward0>)
print(h.sum(1), h.mean(0))  # expect: tensor([ 1.0745, -0.4041], grad_fn=<SumBackward1>) tensor([ 0.3876, -0.3067,  0.2543], grad_fn=<MeanBackward1>)
print((h + 1)[0, :2], (h - 1)[0, :2], (1 - h)[0, :2], (h * 2)[0, :2], (h / 2)[0, :2], (2 / h)[0, :2])  # expect: tensor([2.1011, 2.0798], grad_fn=<SliceBackward0>) tensor([0.1011, 0.0798], grad_fn=<SliceBackward0>) tensor([-0.1011, -0.0798], grad_fn=<SliceBackward0>) tensor([2.2022, 2.1596], grad_fn=<SliceBackward0>) tensor([0.5505, 0.5399], grad_fn=<SliceBackward0>) tensor([1.8164, 1.8522], grad_fn=<SliceBackward0>)
print(-h[0], (h ** 2)[0], h.t()[0], h.view(6), h.reshape(6), h.flatten())
# expect: tensor([-1.1011, -1.0798,  1.1064], grad_fn=<NegBackward0>) tensor([1.2124, 1.1660, 1.2242], grad_fn=<SelectBackward0>) tensor([ 1.1011, -0.3260], grad_fn=<SelectBackward0>) tensor([ 1.1011,  1.0798, -1.1064, -0.3260, -1.6932,  1.6151],
# expect:        grad_fn=<ViewBackward0>) tensor([ 1.1011,  1.0798, -1.1064, -0.3260, -1.6932,  1.6151],
# expect:        grad_fn=<ReshapeAliasBackward0>) tensor([ 1.1011,  1.0798, -1.1064, -0.3260, -1.6932,  1.6151],
# expect:        grad_fn=<ReshapeAliasBackward0>)
print(torch.cat([h, h])[:, 0], h.unsqueeze(0)[0, 0], h[:, 1:], h[None].shape)
# expect: tensor([ 1.1011, -0.3260,  1.1011, -0.3260], grad_fn=<SelectBackward0>) tensor([ 1.1011,  1.0798, -1.1064], grad_fn=<SelectBackward0>) tensor([[ 1.0798, -1.1064],
# expect:         [-1.6932,  1.6151]], grad_fn=<SliceBackward0>) torch.Size([1, 2, 3])
print(F.relu(h)[0], torch.tanh(h)[0], torch.sigmoid(h)[0], F.softmax(h, dim=1)[0], F.log_softmax(h, dim=1)[0])  # expect: tensor([1.1011, 1.0798, 0.0000], grad_fn=<SelectBackward0>) tensor([ 0.8009,  0.7931, -0.8028], grad_fn=<SelectBackward0>) tensor([0.7505, 0.7465, 0.2485], grad_fn=<SelectBackward0>) tensor([0.4787, 0.4686, 0.0526], grad_fn=<SelectBackward0>) tensor([-0.7367, -0.7579, -2.9442], grad_fn=<SelectBackward0>)
print(nn.Linear(3, 2)(x).sum(0), nn.Linear(3, 2, bias=False)(x)[0])  # expect: tensor([0.2475, 0.0383], grad_fn=<SumBackward1>) tensor([ 0.3425, -0.6538], grad_fn=<SelectBackward0>)
print(h.exp()[0], h.abs()[0], h.clone()[0])  # expect: tensor([3.0074, 2.9442, 0.3307], grad_fn=<SelectBackward0>) tensor([1.1011, 1.0798, 1.1064], grad_fn=<SelectBackward0>) tensor([ 1.1011,  1.0798, -1.1064], grad_fn=<SelectBackward0>)
print(F.mse_loss(h, torch.zeros(2, 3)), F.cross_entropy(h, torch.tensor([0, 2])))  # expect: tensor(1.5307, grad_fn=<MseLossBackward0>) tensor(0.4511, grad_fn=<NllLossBackward0>)
print(h.std(), h.max())  # expect: tensor(1.3498, grad_fn=<StdBackward0>) tensor(1.6151, grad_fn=<MaxBackward1>)
print(h.detach()[0], h.data[0])  # expect: tensor([ 1.1011,  1.0798, -1.1064]) tensor([ 1.1011,  1.0798, -1.1064])
print(w.requires_grad, h.requires_grad, h.detach().requires_grad)  # expect: True True False
