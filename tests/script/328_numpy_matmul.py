# @, np.dot and np.matmul: 1-D and 2-D operands, batches that broadcast, int and float32
# products; each entry adds its products in order over k, as reference BLAS does.
import numpy as np

def pseudo(n, seed):
    i = np.arange(n) + seed
    return ((i * 2654435761) % 4294967296) / 4294967296.0 * (3.0 + (i % 7)) - 1.7

w = pseudo(37 * 300, 1).reshape(37, 300)
w32 = w.astype(np.float32)
c = pseudo(120, 5).reshape(4, 5, 6)
print((w @ w.T)[:2, :2].tolist(), (w32 @ w32.T)[0, :2].tolist(), repr(w[0] @ w[1]), repr(np.dot(w[0], w[1])), repr(np.dot(w32[0], w32[1])))
print(np.matmul(c, c.transpose(0, 2, 1)).shape, (c @ c.transpose(0, 2, 1))[1, 0].tolist(), (c @ np.ones(6)).shape, (np.ones(5) @ c).shape)
print(np.dot([1, 2], [3, 4]), np.array([[1, 2], [3, 4]]) @ np.array([[5], [6]]), np.dot(np.eye(2), [1.5, 2]), np.dot(3, np.arange(3)), np.arange(6).reshape(2, 3).dot(np.arange(3)))
print((w[:3, :4] @ w[:4, :2]).tolist(), (np.arange(6).reshape(2, 3) @ np.arange(6).reshape(3, 2)), (np.ones((2, 1, 1, 3)) @ np.ones((4, 3, 2))).shape)
# expect: [[1839.3835471175876, 174.59682532809063], [174.59682532809063, 1842.6398836291164]] [1839.3831787109375, 174.59689331054688] 174.59682532809063 174.59682532809063 174.5969
# expect: (4, 5, 5) [26.476188996768926, 2.361965006373309, -7.633056842424017, 30.065335234876706, 13.71442785544905] (4, 5) (4, 6)
# expect: 11 [[17]
# expect:  [39]] [1.5 2. ] [0 3 6] [ 5 14]
# expect: [[17.29427852840871, -2.0907294984465743], [14.762791153717504, 11.186728186418307], [5.239884882549016, -4.642654266180585]] [[10 13]
# expect:  [28 40]] (2, 4, 1, 2)
