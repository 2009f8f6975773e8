import numpy as np

print(np.zeros(2, dtype='float32').dtype)
h = np.zeros(2, dtype=np.float16)
# expect: float32
# error: line 4: NotImplementedError: not supported in initlab: the numpy dtype float16 (initlab has bool, int32, int64, float32 and float64)
