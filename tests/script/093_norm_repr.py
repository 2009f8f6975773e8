import torch.nn as nn

print(nn.LayerNorm(10))  # expect: LayerNorm((10,), eps=1e-05, elementwise_affine=True)
print(nn.LayerNorm([4, 5], elementwise_affine=False))  # expect: LayerNorm((4, 5), eps=1e-05, elementwise_affine=False)
print(nn.GroupNorm(4, 16))  # expect: GroupNorm(4, 16, eps=1e-05, affine=True)
gn = nn.GroupNorm(2, 8, affine=False, eps=1e-3)
print(gn, gn.weight)  # expect: GroupNorm(2, 8, eps=0.001, affine=False) None
ln = nn.LayerNorm(3)
print(ln.weight.shape, ln.bias.sum().item(), ln.normalized_shape)  # expect: torch.Size([3]) 0.0 (3,)
