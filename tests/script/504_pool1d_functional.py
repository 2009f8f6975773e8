# F.max_pool1d and F.avg_pool1d, as text CNNs call them (max over time: kernel = the length).
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 7, requires_grad=True)
y = F.max_pool1d(x, x.size(2)).squeeze(2)
print(y.shape, torch.allclose(y, x.max(dim=2)[0]))
print(F.max_pool1d(x, 3, 2, 1).shape, F.max_pool1d(x, 2, ceil_mode=True).shape)
print(torch.allclose(F.avg_pool1d(x, 3), x[:, :, :6].reshape(2, 3, 2, 3).mean(dim=3)))
print(F.avg_pool1d(x, 3, 2, 1, count_include_pad=False).shape)
y.sum().backward()
print(x.grad.sum().item(), (x.grad != 0).sum().item())
print(F.max_pool1d(torch.tensor([[[1.0, 5.0, 2.0, 4.0]]]), 2))

# CPython 3.11 printed:
# expect: torch.Size([2, 3]) True
# expect: torch.Size([2, 3, 4]) torch.Size([2, 3, 4])
# expect: True
# expect: torch.Size([2, 3, 4])
# expect: 6.0 6
# expect: tensor([[[5., 4.]]])
