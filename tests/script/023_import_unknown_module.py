import torch
import numpy as np
# error: line 2: ModuleNotFoundError: No module named 'numpy' (initlab runs torch, torch.nn, torch.nn.functional, torch.nn.init, math, random and initlab.datasets)
