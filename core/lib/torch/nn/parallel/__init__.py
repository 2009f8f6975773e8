# torch.nn.parallel on a machine without GPUs, as PyTorch 1.13 behaves there.
from torch.nn.parallel.data_parallel import DataParallel, data_parallel
