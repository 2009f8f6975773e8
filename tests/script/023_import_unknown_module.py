import torch
import scipy
# error: line 2: ModuleNotFoundError: No module named 'scipy' (initlab runs torch, torch.nn, torch.nn.functional, torch.nn.init, math, random, numpy and initlab.datasets)
