import numpy as np

np.random.seed(0)
print(np.random.rand(2).shape)
rng = np.random.default_rng(0)
# expect: (2,)
# error: line 5: NotImplementedError: not supported in initlab: np.random.default_rng (numpy's Generator and PCG64; use np.random.seed or np.random.RandomState, whose legacy streams initlab draws bit for bit)
