import numpy as np
import torch

t = torch.ones(3)
print(t * np.ones(3, dtype=np.float32))
u = t * np.ones(3)
# expect: tensor([1., 1., 1.])
# error: line 6: NotImplementedError: not supported in initlab: tensor * a float64 numpy array (PyTorch makes a float64 tensor; initlab's tensors are float32: convert with torch.from_numpy(a).float())
