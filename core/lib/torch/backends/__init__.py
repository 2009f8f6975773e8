# torch.backends on a CPU-only PyTorch 1.13: the flags scripts set (cudnn.benchmark,
# cudnn.deterministic) are plain module attributes that change nothing here.
from torch.backends import cudnn, cuda, mps, mkldnn, mkl, openmp
