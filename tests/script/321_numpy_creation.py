# Array creation: array/asarray from Python data (numpy's dtype discovery), zeros, ones, full,
# empty (zeros), eye, identity, arange (numpy's start + i * delta), linspace, *_like.
import numpy as np

print(repr(np.array([1, 2.5])), repr(np.array([True, 2])), repr(np.array([np.float32(1), np.float32(2)])))
print(repr(np.array([np.float32(1), 2.0])), repr(np.array([np.float32(1), 2])), repr(np.array([[1, 2], [3, 4]])), repr(np.array((1, 2.0))))
print(repr(np.array([np.array([1., 2.], np.float32), [3, 4]])), repr(np.array(5)), repr(np.array([[], []])))
print(repr(np.array([1, 2], dtype=np.float32)), repr(np.array([1.7, -1.7], dtype=int)), repr(np.array([0, 2], dtype=bool)), repr(np.array(3, ndmin=2)))
a = np.arange(3.0)
print(np.asarray(a) is a, np.array(a) is a, np.asarray(a, dtype=np.float32).dtype, np.asarray([1, 2]).dtype)
print(repr(np.zeros(3)), repr(np.zeros((2, 2), dtype=np.int32)), repr(np.ones(2, dtype=bool)), np.empty((1, 2)).shape)
print(repr(np.full(3, 2)), repr(np.full((2, 2), 0.5)), repr(np.full(2, np.float32(1.5))), repr(np.full(2, 7, dtype=np.float64)))
print(repr(np.zeros_like(np.arange(3))), repr(np.ones_like(np.zeros((2, 2), np.float32))), repr(np.full_like(np.arange(3), 2.7)), np.empty_like(a).shape, np.empty_like(a).dtype)
print(repr(np.eye(3)), repr(np.eye(2, 3, k=1)), repr(np.eye(2, dtype=int)), repr(np.identity(2)))
print(repr(np.arange(5)), repr(np.arange(2, 10, 3)), repr(np.arange(10, 0, -3)), repr(np.arange(0.1, 1, 0.3)), repr(np.arange(5.0)))
print(repr(np.arange(0, 1, 0.1, dtype=np.float32)), repr(np.arange(3, dtype=np.float64)), repr(np.arange(1.5, 4)), np.arange(0).shape)
print(repr(np.linspace(-1, 1, 7)), repr(np.linspace(0, 10, 4, endpoint=False)), repr(np.linspace(1, 2, 5, dtype=np.float32)))
print(np.linspace(0, 1, 5, retstep=True), repr(np.linspace(0, 10, 5, dtype=int)), repr(np.linspace(2, 2, 3)), np.linspace(0, 1, 1))
print(np.pi, np.e, np.inf, -np.inf, np.nan, np.newaxis is None)
print(repr(np.zeros((2, 3)).astype(np.float32)), np.zeros((2, 3), 'f4').dtype, np.zeros(2, float).dtype, np.zeros(2, int).dtype, np.zeros(2, 'int32').dtype)
# expect: array([1. , 2.5]) array([1, 2]) array([1., 2.], dtype=float32)
# expect: array([1., 2.]) array([1., 2.]) array([[1, 2],
# expect:        [3, 4]]) array([1., 2.])
# expect: array([[1., 2.],
# expect:        [3., 4.]]) array(5) array([], shape=(2, 0), dtype=float64)
# expect: array([1., 2.], dtype=float32) array([ 1, -1]) array([False,  True]) array([[3]])
# expect: True False float32 int64
# expect: array([0., 0., 0.]) array([[0, 0],
# expect:        [0, 0]], dtype=int32) array([ True,  True]) (1, 2)
# expect: array([2, 2, 2]) array([[0.5, 0.5],
# expect:        [0.5, 0.5]]) array([1.5, 1.5], dtype=float32) array([7., 7.])
# expect: array([0, 0, 0]) array([[1., 1.],
# expect:        [1., 1.]], dtype=float32) array([2, 2, 2]) (3,) float64
# expect: array([[1., 0., 0.],
# expect:        [0., 1., 0.],
# expect:        [0., 0., 1.]]) array([[0., 1., 0.],
# expect:        [0., 0., 1.]]) array([[1, 0],
# expect:        [0, 1]]) array([[1., 0.],
# expect:        [0., 1.]])
# expect: array([0, 1, 2, 3, 4]) array([2, 5, 8]) array([10,  7,  4,  1]) array([0.1, 0.4, 0.7]) array([0., 1., 2., 3., 4.])
# expect: array([0.        , 0.1       , 0.2       , 0.3       , 0.4       ,
# expect:        0.5       , 0.6       , 0.7       , 0.8       , 0.90000004],
# expect:       dtype=float32) array([0., 1., 2.]) array([1.5, 2.5, 3.5]) (0,)
# expect: array([-1.        , -0.66666667, -0.33333333,  0.        ,  0.33333333,
# expect:         0.66666667,  1.        ]) array([0. , 2.5, 5. , 7.5]) array([1.  , 1.25, 1.5 , 1.75, 2.  ], dtype=float32)
# expect: (array([0.  , 0.25, 0.5 , 0.75, 1.  ]), 0.25) array([ 0,  2,  5,  7, 10]) array([2., 2., 2.]) [0.]
# expect: 3.141592653589793 2.718281828459045 inf -inf nan True
# expect: array([[0., 0., 0.],
# expect:        [0., 0., 0.]], dtype=float32) float32 float64 int64 int32
