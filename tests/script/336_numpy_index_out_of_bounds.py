import numpy as np

w = np.zeros((3, 4))
print(w[2, -4])
w[0, 4] = 1.0
# expect: 0.0
# error: line 5: IndexError: index 4 is out of bounds for axis 1 with size 4
