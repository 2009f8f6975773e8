# torch.f(x, ...) as x.f(...) for the functions PyTorch has in both forms.
import torch
x = torch.arange(6.).reshape(2, 3)
print(torch.transpose(x, 0, 1).shape, torch.unsqueeze(x, 0).shape, torch.squeeze(torch.zeros(1, 2)).shape, torch.t(x).shape)
print(torch.mean(x), torch.sum(x, dim=1), torch.abs(-x)[0], torch.reshape(x, (3, 2)).shape, torch.clamp(x, 1, 3))

# CPython 3.11 printed:
# expect: torch.Size([3, 2]) torch.Size([1, 2, 3]) torch.Size([2]) torch.Size([3, 2])
# expect: tensor(2.5000) tensor([ 3., 12.]) tensor([0., 1., 2.]) torch.Size([3, 2]) tensor([[1., 1., 2.],
# expect:         [3., 3., 3.]])
