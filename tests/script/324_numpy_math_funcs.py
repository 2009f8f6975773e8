# Element-wise functions on scalars and arrays: sqrt log exp abs sin cos tanh power square sign
# floor ceil clip maximum minimum round where isclose allclose outer; ints become float64,
# float32 stays float32; NaN propagates through maximum/minimum and clip.
import numpy as np

x = np.array([-2.0, -0.5, 0.0, 0.25, 3.0])
print(np.abs(x), np.sign(x), np.floor(x), np.ceil(x), np.square(x), np.sqrt(np.abs(x)))
print(np.exp(np.array([0.0, 1.0, -1.0])), np.log(np.array([1.0, np.e, 10.0])), np.tanh(np.array([0.0, 0.5, -2.0])))
print(np.sin(np.array([0.0, np.pi / 6, np.pi / 2])), np.cos(np.array([0.0, np.pi / 3])), np.power(x, 2), np.power(2, np.arange(5)))
print(repr(np.sqrt(2.0)), repr(np.sqrt(np.float32(2.0))), repr(np.sqrt(9)), repr(np.power(2, 10)), repr(np.power(2.0, -1)), repr(np.square(np.int32(7))))
print(repr(np.sqrt(np.arange(4))), repr(np.sqrt(np.arange(4, dtype=np.float32))), repr(np.abs(np.array([-3], np.int32))), repr(np.floor(np.arange(3))))
print(np.clip(x, -1, 1), np.clip(np.arange(5), 1, 3), np.clip(x, None, 0), x.clip(0), x.clip(-1, 1))
print(np.maximum(x, 0), np.minimum(x, np.zeros(5)), np.maximum([1, 5], 3), np.maximum(np.array([1.0, np.nan]), 0), np.minimum(2, 3))
print(np.round(x * 1.234, 2), np.round(2.5), np.round(3.5), np.round(np.array([0.5, 1.5, 2.675]), 2), np.around(123.456, -1))
print(np.where(x > 0, x, 0), np.where(x > 0), np.where([True, False], 1, 2.5), np.isnan(np.array([1, np.nan])), np.isinf(np.inf), np.isfinite(x))
print(np.isclose(1.0, 1.0 + 1e-9), np.isclose([1, 2], [1.1, 2]), np.allclose([1, 2], [1, 2.0000001]), np.allclose(1, 1.1), np.isclose(np.nan, np.nan, equal_nan=True))
print(np.outer([1, 2], [3, 4, 5]), np.outer(np.arange(2.0), np.ones(2, np.float32)).dtype, np.log(0), np.sqrt(-1.0))
print(np.add(1, 2), np.multiply([1, 2], 3), np.subtract(5.0, 1), np.divide(1, 4), np.floor_divide(7, 2), np.mod(-7, 3), np.negative(np.arange(2)))
print(np.arctan2(1.0, 1.0) * 4, np.hypot(3, 4), np.log2(8), np.log10(1000.0), np.exp2(3), np.log1p(0.0), np.expm1(0.0))
# expect: [2.   0.5  0.   0.25 3.  ] [-1. -1.  0.  1.  1.] [-2. -1.  0.  0.  3.] [-2. -0.  0.  1.  3.] [4.     0.25   0.     0.0625 9.    ] [1.41421356 0.70710678 0.         0.5        1.73205081]
# expect: [1.         2.71828183 0.36787944] [0.         1.         2.30258509] [ 0.          0.46211716 -0.96402758]
# expect: [0.  0.5 1. ] [1.  0.5] [4.     0.25   0.     0.0625 9.    ] [ 1  2  4  8 16]
# expect: 1.4142135623730951 1.4142135 3.0 1024 0.5 49
# expect: array([0.        , 1.        , 1.41421356, 1.73205081]) array([0.       , 1.       , 1.4142135, 1.7320508], dtype=float32) array([3], dtype=int32) array([0., 1., 2.])
# expect: [-1.   -0.5   0.    0.25  1.  ] [1 1 2 3 3] [-2.  -0.5  0.   0.   0. ] [0.   0.   0.   0.25 3.  ] [-1.   -0.5   0.    0.25  1.  ]
# expect: [0.   0.   0.   0.25 3.  ] [-2.  -0.5  0.   0.   0. ] [3 5] [ 1. nan] 2
# expect: [-2.47 -0.62  0.    0.31  3.7 ] 2.0 4.0 [0.5  1.5  2.68] 120.0
# expect: [0.   0.   0.   0.25 3.  ] (array([3, 4]),) [1.  2.5] [False  True] True [ True  True  True  True  True]
# expect: True [False  True] True False True
# expect: [[ 3  4  5]
# expect:  [ 6  8 10]] float64 -inf nan
# expect: 3 [3 6] 4.0 0.25 3 2 [ 0 -1]
# expect: 3.141592653589793 5.0 3.0 3.0 8.0 0.0 0.0
