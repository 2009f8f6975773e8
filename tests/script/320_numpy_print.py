# numpy 1.24's text for arrays and scalars: alignment, trailing points, scientific switch,
# summarized large arrays, line wrapping, dtype suffixes, 0-d and empty arrays.
import numpy as np

print(np.array([1.0, 2.5, -3.25]))
print(repr(np.array([1.0, 2.5, -3.25])))
print(repr(np.array([0.1, 0.2, 0.3])), repr(np.array([1e-5, 1.0])), repr(np.array([1.5e-5, 0.1])))
print(repr(np.array([1e8, 1.0])), repr(np.array([0.001953125, 1.0])), repr(np.array([np.nan, 1.0, -np.inf])))
print(repr(np.array([-0.0, 0.0])), repr(np.array([0.123456789, 10.0])), repr(np.array([1, 2, 3], np.float32) / 3))
print(repr(np.arange(30.0)))
print(np.arange(100))
print(repr(np.arange(2000.0)))
print(repr(np.arange(24.).reshape(2, 3, 4) / 7))
print(np.arange(24).reshape(2, 3, 4))
print(repr(np.array([True, False])), repr(np.array(1.5)), repr(np.array(3)), repr(np.array(True)), repr(np.array(1.5, np.float32)))
print(np.array(1.5), np.array(True), repr(np.zeros((0, 3))), repr(np.array([])), repr(np.zeros((2, 0))), np.array([]))
print(repr(np.array([1e300, -1e-300])), repr(np.array([123456789.0])), repr(np.array([1, 2], np.int32)))
print(repr(np.ones((3, 3), np.float32)))
print(repr(np.linspace(0, 1, 11)), repr(np.array([1000., 1.])), repr(np.array([1001., 1.])))
print(repr(np.arange(1500).reshape(50, 30)))
print(repr(np.array([[1.5, np.nan], [np.inf, 2]])), repr(np.array([0.5, 100.25])), repr(np.array([99999999.0, 1.0])))
print(np.float64(0.1), np.float32(0.1), repr(np.float64(1e16)), repr(np.float32(1e-5)), np.float64(-0.0), np.float32(3.0))
print(np.int64(5), np.bool_(True), np.float64(np.nan), np.float64(-np.inf), np.float32(16777217.0), np.float64(1.5e20), np.float32(123456.78))
print(str(np.arange(3.0)), f"{np.arange(3)}", [np.float32(0.5), np.int64(2)], (np.float64(1.25),))
# expect: [ 1.    2.5  -3.25]
# expect: array([ 1.  ,  2.5 , -3.25])
# expect: array([0.1, 0.2, 0.3]) array([1.e-05, 1.e+00]) array([1.5e-05, 1.0e-01])
# expect: array([1.e+08, 1.e+00]) array([0.00195312, 1.        ]) array([ nan,   1., -inf])
# expect: array([-0.,  0.]) array([ 0.12345679, 10.        ]) array([0.33333334, 0.6666667 , 1.        ], dtype=float32)
# expect: array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,
# expect:        13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25.,
# expect:        26., 27., 28., 29.])
# expect: [ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
# expect:  24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47
# expect:  48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71
# expect:  72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95
# expect:  96 97 98 99]
# expect: array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,
# expect:        1.999e+03])
# expect: array([[[0.        , 0.14285714, 0.28571429, 0.42857143],
# expect:         [0.57142857, 0.71428571, 0.85714286, 1.        ],
# expect:         [1.14285714, 1.28571429, 1.42857143, 1.57142857]],
# expect: 
# expect:        [[1.71428571, 1.85714286, 2.        , 2.14285714],
# expect:         [2.28571429, 2.42857143, 2.57142857, 2.71428571],
# expect:         [2.85714286, 3.        , 3.14285714, 3.28571429]]])
# expect: [[[ 0  1  2  3]
# expect:   [ 4  5  6  7]
# expect:   [ 8  9 10 11]]
# expect: 
# expect:  [[12 13 14 15]
# expect:   [16 17 18 19]
# expect:   [20 21 22 23]]]
# expect: array([ True, False]) array(1.5) array(3) array(True) array(1.5, dtype=float32)
# expect: 1.5 True array([], shape=(0, 3), dtype=float64) array([], dtype=float64) array([], shape=(2, 0), dtype=float64) []
# expect: array([ 1.e+300, -1.e-300]) array([1.23456789e+08]) array([1, 2], dtype=int32)
# expect: array([[1., 1., 1.],
# expect:        [1., 1., 1.],
# expect:        [1., 1., 1.]], dtype=float32)
# expect: array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1. ]) array([1000.,    1.]) array([1.001e+03, 1.000e+00])
# expect: array([[   0,    1,    2, ...,   27,   28,   29],
# expect:        [  30,   31,   32, ...,   57,   58,   59],
# expect:        [  60,   61,   62, ...,   87,   88,   89],
# expect:        ...,
# expect:        [1410, 1411, 1412, ..., 1437, 1438, 1439],
# expect:        [1440, 1441, 1442, ..., 1467, 1468, 1469],
# expect:        [1470, 1471, 1472, ..., 1497, 1498, 1499]])
# expect: array([[1.5, nan],
# expect:        [inf, 2. ]]) array([  0.5 , 100.25]) array([9.9999999e+07, 1.0000000e+00])
# expect: 0.1 0.1 1e+16 1e-05 -0.0 3.0
# expect: 5 True nan -inf 16777216.0 1.5e+20 123456.78
# expect: [0. 1. 2.] [0 1 2] [0.5, 2] (1.25,)
