# Shapes: reshape (views when the strides allow, -1 inferred), .T, transpose, swapaxes,
# flatten (a copy), ravel (a view when contiguous), squeeze, expand_dims, concatenate, stack,
# vstack, hstack; views write through to their base.
import numpy as np

a = np.arange(12)
b = a.reshape(3, 4)
b[0, 0] = 100
print(a[:3], b.shape, a.reshape(2, -1).shape, a.reshape((2, 2, 3)).shape, np.reshape(a, (4, 3))[1], b.T.shape, b.T[1])
t = b.T
t[0, 1] = -1
print(b[1, 0], b.transpose(1, 0).shape, np.zeros((2, 3, 4)).transpose(2, 0, 1).shape, np.transpose(b).shape, np.zeros((2, 3, 4)).swapaxes(0, 2).shape)
f = b.flatten()
f[0] = 7
r = b.ravel()
r[1] = 8
print(a[:2], repr(b.T.ravel()), repr(b.T.flatten()), repr(np.ravel(b.T)), b.T.reshape(-1)[:4])
print(np.zeros((1, 3, 1)).squeeze().shape, np.zeros((1, 3, 1)).squeeze(axis=0).shape, np.squeeze(np.zeros((1, 1))).shape, np.expand_dims(np.arange(3), 0).shape, np.expand_dims(np.arange(3), -1).shape)
print(np.concatenate([np.ones(2), np.zeros(3)]), np.concatenate([np.ones((1, 2)), np.zeros((2, 2))]), np.concatenate([np.ones((2, 1)), np.zeros((2, 2))], axis=1))
print(np.concatenate(([1, 2], [3.5])), np.concatenate([np.ones((2, 2)), np.zeros((2, 2))], axis=None), np.concatenate([np.arange(2, dtype=np.int32), np.arange(2)]).dtype)
print(np.stack([np.ones(2), np.zeros(2)]), np.stack([np.ones(2), np.zeros(2)], axis=1), np.stack([np.arange(3)] * 2, axis=-1).shape)
print(np.vstack([np.ones(2), np.zeros(2)]), np.hstack([np.ones(2), np.zeros(3)]), np.vstack([np.ones((1, 2)), [[5, 6]]]), np.hstack([np.ones((2, 1)), np.zeros((2, 1))]))
c = np.zeros((2, 3))
print(c.ndim, c.size, c.shape, c.itemsize, c.nbytes, c.strides, c.T.strides, np.shape(c), np.ndim(5), np.size([[1, 2], [3, 4]]))
# expect: [100   1   2] (3, 4) (2, 6) (2, 2, 3) [3 4 5] (4, 3) [1 5 9]
# expect: -1 (4, 3) (4, 2, 3) (4, 3) (4, 3, 2)
# expect: [100   8] array([100,  -1,   8,   8,   5,   9,   2,   6,  10,   3,   7,  11]) array([100,  -1,   8,   8,   5,   9,   2,   6,  10,   3,   7,  11]) array([100,  -1,   8,   8,   5,   9,   2,   6,  10,   3,   7,  11]) [100  -1   8   8]
# expect: (3,) (3, 1) () (1, 3) (3, 1)
# expect: [1. 1. 0. 0. 0.] [[1. 1.]
# expect:  [0. 0.]
# expect:  [0. 0.]] [[1. 0. 0.]
# expect:  [1. 0. 0.]]
# expect: [1.  2.  3.5] [1. 1. 1. 1. 0. 0. 0. 0.] int64
# expect: [[1. 1.]
# expect:  [0. 0.]] [[1. 0.]
# expect:  [1. 0.]] (3, 2)
# expect: [[1. 1.]
# expect:  [0. 0.]] [1. 1. 0. 0. 0.] [[1. 1.]
# expect:  [5. 6.]] [[1. 0.]
# expect:  [1. 0.]]
# expect: 2 6 (2, 3) 8 48 (24, 8) (8, 24) (2, 3) 0 4
