import numpy as np

a = np.ones((4, 3))
print((a @ np.ones(3)).shape)
b = a @ np.ones((4, 3))
# expect: (4,)
# error: line 5: ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)
