import torch
import scipy
# error: line 2: ModuleNotFoundError: No module named 'numpy' (initlab runs torch, torch.nn, torch.nn.functional, torch.nn.init, math and initlab.datasets)
