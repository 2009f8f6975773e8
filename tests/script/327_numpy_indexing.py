# Indexing: ints (scalars back), negative indices, slices with steps (views), tuples, None
# (np.newaxis), boolean masks, integer arrays and lists (copies), assignment into slices and
# masks, len, iteration, tolist, item.
import numpy as np

a = np.arange(12.0).reshape(3, 4)
print(a[0], a[-1], a[1, 2], repr(a[1, 2]), a[-1, -1], a[1][2], type(a[0, 0]).__name__)
print(a[:, 1], a[1:, ::2], a[::-1, -1], a[:2, :2], a[5:], a[-100:100, 1], repr(a[2:1]), a[0, ::-3])
print(a[None, 0].shape, a[:, None].shape, a[np.newaxis].shape, a[1, None, :].shape, a[:, 0, None].shape)
print(a[a > 6], a[np.array([True, False, True])], a[[2, 0]], a[:, [3, 0]], a[np.array([1, 1])], a[[-1]], a[np.array([[0, 1], [2, 0]])].shape)
v = a[1]
v[0] = -5
a[0, :2] = 9
a[2] = [1, 2, 3, 4]
a[:, 3] = 0
a[a < 0] = 100
a[[0, 2], 1] = 7
print(a)
m = np.zeros(5, dtype=int)
m[1:4] = 2.9
m[::2] = [-1, -2, -3]
m[np.array([True, False, False, False, True])] = 5
m[[1, 3]] = np.array([8, 9])
print(m, len(m), len(a), [x for x in m], [r.tolist() for r in a[:2]], a.tolist()[0], m.item(2), a.item(1, 2), a.item(-1))
for row in a[:2]:
    print(row, row.shape)
for x in np.arange(3):
    print(repr(x), type(x).__name__)
x, y = np.array([1.5, 2.5])
print(x, y, list(np.arange(3)), tuple(np.array([1, 2])), sorted(np.array([3, 1, 2])), bool(np.array([0.0])), bool(np.array([2])))
z = np.arange(6)
z[1:] = z[:-1]
print(z, np.arange(10)[np.int64(3)], np.arange(10)[np.int32(-1)], np.arange(10)[np.int64(2):np.int64(8):np.int64(3)])
g = np.arange(24).reshape(2, 3, 4)
print(g[[0, 1], 1], g[1, [0, 2]], g[0, :, [1, 3]], g[:, 1, [0, 3]], g[[1, 0], :, 2].shape, g[0, [2, 1], :].shape)
# expect: [0. 1. 2. 3.] [ 8.  9. 10. 11.] 6.0 6.0 11.0 6.0 float64
# expect: [1. 5. 9.] [[ 4.  6.]
# expect:  [ 8. 10.]] [11.  7.  3.] [[0. 1.]
# expect:  [4. 5.]] [] [1. 5. 9.] array([], shape=(0, 4), dtype=float64) [3. 0.]
# expect: (1, 4) (3, 1, 4) (1, 3, 4) (1, 4) (3, 1)
# expect: [ 7.  8.  9. 10. 11.] [[ 0.  1.  2.  3.]
# expect:  [ 8.  9. 10. 11.]] [[ 8.  9. 10. 11.]
# expect:  [ 0.  1.  2.  3.]] [[ 3.  0.]
# expect:  [ 7.  4.]
# expect:  [11.  8.]] [[4. 5. 6. 7.]
# expect:  [4. 5. 6. 7.]] [[ 8.  9. 10. 11.]] (2, 2, 4)
# expect: [[  9.   7.   2.   0.]
# expect:  [100.   5.   6.   0.]
# expect:  [  1.   7.   3.   0.]]
# expect: [ 5  8 -2  9  5] 5 3 [5, 8, -2, 9, 5] [[9.0, 7.0, 2.0, 0.0], [100.0, 5.0, 6.0, 0.0]] [9.0, 7.0, 2.0, 0.0] -2 6.0 0.0
# expect: [9. 7. 2. 0.] (4,)
# expect: [100.   5.   6.   0.] (4,)
# expect: 0 int64
# expect: 1 int64
# expect: 2 int64
# expect: 1.5 2.5 [0, 1, 2] (1, 2) [1, 2, 3] False True
# expect: [0 0 1 2 3 4] 3 9 [2 5]
# expect: [[ 4  5  6  7]
# expect:  [16 17 18 19]] [[12 13 14 15]
# expect:  [20 21 22 23]] [[ 1  5  9]
# expect:  [ 3  7 11]] [[ 4  7]
# expect:  [16 19]] (2, 3) (2, 4)
