import torch

torch.manual_seed(0)
x = torch.randn(2, 3)
print(x)
# expect: tensor([[ 1.5410, -0.2934, -2.1788],
# expect:         [ 0.5684, -1.0845, -1.3986]])
print(torch.rand(3))  # expect: tensor([0.0223, 0.1689, 0.2939])
torch.manual_seed(0)
print(torch.randn(3))  # expect: tensor([ 1.5410, -0.2934, -2.1788])
print(torch.randn(3))  # expect: tensor([ 0.5684, -1.0845, -1.3986])
torch.manual_seed(3)
big = torch.randn(64, 10)
print(big.shape, f"{big.mean().item():.4f} {big.std().item():.4f}")  # expect: torch.Size([64, 10]) 0.0085 0.9977
print(f"{big[0, 0].item():.4f} {big[63, 9].item():.4f}")  # expect: -0.0766 -1.6315
