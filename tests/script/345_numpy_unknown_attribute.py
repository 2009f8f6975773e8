import numpy as np

print(np.float64(2.0) ** 0.5)
y = np.polyfit([1, 2], [3, 4], 1)
# expect: 1.4142135623730951
# error: line 4: AttributeError: module 'numpy' has no attribute 'polyfit' (or initlab does not support it yet)
