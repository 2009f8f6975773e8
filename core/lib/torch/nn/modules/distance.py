# torch.nn.CosineSimilarity and torch.nn.PairwiseDistance as PyTorch 1.13 defines them
# (torch/nn/modules/distance.py): no parameters, the arguments kept as attributes under
# PyTorch's names (PairwiseDistance keeps p as `norm`), an empty extra_repr.
import torch.nn as _nn
import torch.nn.functional as _F


class PairwiseDistance(_nn.Module):
    def __init__(self, p=2., eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return _F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)


class CosineSimilarity(_nn.Module):
    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return _F.cosine_similarity(x1, x2, self.dim, self.eps)
