import numpy as np

a = np.ones((2, 3))
print(a.shape)
b = a + np.ones(4)
# expect: (2, 3)
# error: line 5: ValueError: operands could not be broadcast together with shapes (2,3) (4,) 
