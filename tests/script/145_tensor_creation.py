import torch

print(torch.empty(3, 4).shape, torch.empty((2, 5)).size())  # expect: torch.Size([3, 4]) torch.Size([2, 5])
print(torch.zeros((2, 2)).sum().item(), torch.ones(2, 3, 4).numel())  # expect: 0.0 24
torch.manual_seed(2)
r = torch.rand(1000)
print(f"{r.min().item() >= 0} {r.max().item() < 1} {r.mean().item():.4f} {r[0].item():.4f}")  # expect: True True 0.4876 0.6147
print(torch.tensor([1, 2, 3]).dtype, torch.tensor([1.0]).dtype, torch.arange(3.).dtype)  # expect: torch.int64 torch.float32 torch.float32
print(torch.full((3,), -1.5), torch.zeros(0).shape)  # expect: tensor([-1.5000, -1.5000, -1.5000]) torch.Size([0])
print(torch.tensor([[0.5], [1.25]]))
# expect: tensor([[0.5000],
# expect:         [1.2500]])
print(torch.eye(2, 3))
# expect: tensor([[1., 0., 0.],
# expect:         [0., 1., 0.]])
