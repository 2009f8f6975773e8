import torch

t = torch.tensor([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
print(t.sum().item(), t.mean().item(), t.max().item(), t.min().item())  # expect: 5.0 0.8333333134651184 5.0 -6.0
print(f"{t.std().item():.4f} {t.var().item():.4f} {t.abs().sum().item():.1f}")  # expect: 4.1673 17.3667 21.0
print(t.sum(dim=0))  # expect: tensor([ 5.,  3., -3.])
print(t.mean(1))  # expect: tensor([0.6667, 1.0000])
print(t.abs())
# expect: tensor([[1., 2., 3.],
# expect:         [4., 5., 6.]])
torch.manual_seed(1)
w = torch.randn(100, 50)
print(f"{w.mean().item():.4f} {w.std().item():.4f} {w.var().item():.4f} {w.abs().max().item():.4f}")  # expect: 0.0029 1.0065 1.0131 4.1841
