import numpy as np

a = np.arange(12)
print(a.reshape(3, -1).shape)
b = a.reshape(-1, 5)
# expect: (3, 4)
# error: line 5: ValueError: cannot reshape array of size 12 into shape (5)
