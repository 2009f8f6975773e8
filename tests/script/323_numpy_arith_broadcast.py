# Operators: + - * / // % ** with numpy's floor division and remainder, unary - + ~ abs,
# comparisons to bool arrays, broadcasting, in-place operators that write into the array.
import numpy as np

a = np.array([[1., 2., 3.], [4., 5., 6.]])
v = np.array([10., 20., 30.])
print(a + v, a * 2, 1 - a, a / v, v / a)
print(a[:, :1] * v, a + 1.5, a ** 2, 2 ** a[0], a % 4, -a % 4)
print(np.array([5, -5]) // np.array([2, 2]), np.array([5., -5.]) % np.array([3., 3.]), np.array([-7], np.int32) % 3, np.float32(7.5) // 2)
print(np.array([7, -7]) // 2, np.array([7, -7]) % -3, np.array([7.5, -7.5]) // 2, np.array([1, 2]) / np.array([4, 8]), 7 // np.array([2.0]))
print(np.array([1., 2.]) / 0, np.array([1, 2]) // 0, np.array([1, 2]) % 0, np.array([0.]) / 0, -np.array([1.0]) / 0)
print(-a, +a, ~np.array([0, 5]), ~np.array([True, False]), abs(np.array([-1.5, 2])), abs(np.array([-3, 3])))
print(a > 2, a == v / 10, a != 1, v <= 20, 3 < a, (a > 2) & (a < 5), (a < 2) | (a > 5), np.array([1, 6]) ^ 3)
print(np.array([2, 3]) ** np.array([3, 2]), np.array([2.0]) ** -1, np.array([True, False]) + np.array([True, True]), np.array([True]) * np.array([False]))
print([1, 2] + np.array([1, 2]), (1, 2) * np.array([3, 4]), np.array([1, 2]) - [1, 1], np.array([[1], [2]]) + [10, 20, 30])
b = np.zeros(3, dtype=np.float32)
view = b[1:]
b += 1
view *= 4
b -= np.array([0.5, 0.5, 0.5])
b /= 2
print(repr(b), repr(view))
c = np.arange(4)
c += 2
c *= c
c //= 3
print(c, c.dtype)
d = np.ones((2, 2))
d += np.array([1, 2])
d[0] += 10
print(d, 5 in np.arange(10), 11 in np.arange(10))
# expect: [[11. 22. 33.]
# expect:  [14. 25. 36.]] [[ 2.  4.  6.]
# expect:  [ 8. 10. 12.]] [[ 0. -1. -2.]
# expect:  [-3. -4. -5.]] [[0.1  0.1  0.1 ]
# expect:  [0.4  0.25 0.2 ]] [[10.  10.  10. ]
# expect:  [ 2.5  4.   5. ]]
# expect: [[ 10.  20.  30.]
# expect:  [ 40.  80. 120.]] [[2.5 3.5 4.5]
# expect:  [5.5 6.5 7.5]] [[ 1.  4.  9.]
# expect:  [16. 25. 36.]] [2. 4. 8.] [[1. 2. 3.]
# expect:  [0. 1. 2.]] [[3. 2. 1.]
# expect:  [0. 3. 2.]]
# expect: [ 2 -3] [2. 1.] [2] 3.0
# expect: [ 3 -4] [-2 -1] [ 3. -4.] [0.25 0.25] [3.]
# expect: [inf inf] [0 0] [0 0] [nan] [-inf]
# expect: [[-1. -2. -3.]
# expect:  [-4. -5. -6.]] [[1. 2. 3.]
# expect:  [4. 5. 6.]] [-1 -6] [False  True] [1.5 2. ] [3 3]
# expect: [[False False  True]
# expect:  [ True  True  True]] [[ True  True  True]
# expect:  [False False False]] [[False  True  True]
# expect:  [ True  True  True]] [ True  True False] [[False False False]
# expect:  [ True  True  True]] [[False False  True]
# expect:  [ True False False]] [[ True False False]
# expect:  [False False  True]] [2 5]
# expect: [8 9] [0.5] [ True  True] [False]
# expect: [2 4] [3 8] [0 1] [[11 21 31]
# expect:  [12 22 32]]
# expect: array([0.25, 1.75, 1.75], dtype=float32) array([1.75, 1.75], dtype=float32)
# expect: [1 3 5 8] int64
# expect: [[12. 13.]
# expect:  [ 2.  3.]] True False
