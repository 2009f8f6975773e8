import numpy as np

m = np.array([True, False])
print(m)
d = m - m
# expect: [ True False]
# error: line 5: TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.
