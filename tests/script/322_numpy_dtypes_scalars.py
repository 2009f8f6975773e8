# Scalar types and dtypes: np.float32(0.1) rounds to float32, float32 array arithmetic stays
# float32, numpy 1.24's value-based promotion (scalars do not widen arrays of their kind),
# numpy scalars as Python numbers, dtype objects, type() and isinstance.
import numpy as np

x = np.float32(0.1)
print(x, repr(x * 2), type(x * 2).__name__, float(x), x + np.float32(0.2), type(x + np.float32(0.2)).__name__)
print(np.float32(1) / np.float32(3), np.float64(1) / 3, np.int64(7) // 2, np.int64(7) % -3, -np.int64(3), abs(np.float32(-2.5)))
print(np.int32(5) * 2, type(np.int32(5) * 2).__name__, np.float32(2.5) * 2, type(np.float32(2.5) * 2).__name__, np.bool_(True) + 1)
f32 = np.array([0.1, 0.2], dtype=np.float32)
print(repr(f32 * 3), repr(f32 + 0.1), repr(f32 * np.float64(3)), repr(f32 + np.array([1, 2])), repr(f32 / 3))
print((f32 + 100000).dtype, (f32 + 3.5e38).dtype, (np.array([1], np.int32) + 2**31).dtype, (np.array([1], np.int32) + 7).dtype)
print((np.array([1], np.float32) + np.int32(300)).dtype, (np.array([True]) + 1).dtype, (np.array([1]) + 1.5).dtype, (np.array([1], np.int32) + np.float32(1)).dtype)
print((np.array(1.0, np.float32) + 3.0).dtype, type(np.array(1.0) + 1).__name__, (np.array([1], np.float32) + np.array(3.0)).dtype)
print(np.sqrt(2.0 / 10), type(np.sqrt(2.0)).__name__, np.sqrt(np.float32(2)), type(np.sqrt(np.float32(2))).__name__, type(np.sqrt(4)).__name__)
b = np.sqrt(6.0 / (3 + 5))
print(b * 2, 2 * b, b + 1, -b, b ** 2, 1 / b, b > 0.8, int(b * 10), round(float(b), 3), f"{b:.4f}", "%.3f" % b)
print(np.float64(2.5) == 2.5, np.float32(0.1) == 0.1, np.int64(3) == 3, np.float64(3.0) < 4, max(np.float64(1.5), 2), sum([np.float64(0.5), 1]))
print(np.float32(0.1).dtype, np.float32(0.1).item(), type(np.float32(0.1).item()).__name__, np.int64(4).item(), np.float64(1.5).astype(np.int64))
a = np.arange(3)
print(a.dtype, repr(a.dtype), a.dtype.name, a.dtype == np.int64, a.dtype == 'int64', a.dtype == np.float32, np.dtype('float32'), a.dtype.itemsize)
print(isinstance(a, np.ndarray), isinstance(a[0], np.integer), isinstance(np.float32(1), np.floating), isinstance(np.float64(1), float), isinstance(a[0], np.ndarray))
print(type(a).__name__, type(a[0]).__name__, type(np.float32(1)).__name__, type(np.bool_(1)).__name__)
print(np.float32('1.5'), np.int64(2.9), np.int32(-2.9), np.bool_(0), np.float64(), np.float32([1, 2]), np.int64(np.float32(3.5)))
print(repr(a.astype(np.float32)), repr(a.astype(bool)), repr(np.array([1.9, -1.9]).astype(int)), repr(np.array([0.5]).astype(np.float32)))
print(range(np.int64(3)), [10, 20, 30][np.int64(1)] if False else 0, len(np.zeros(np.int64(4))), np.zeros(np.int32(2)).shape)
y = np.float32(0.1)
print(f"{y} {y:.3f} {np.float64(2.5)} {np.int64(3):4d} {a} {y!r} {np.float32(1e-5)}", "%s %r %.2f %d" % (y, y, y, np.int64(7)), "{} {:.2e}".format(y, np.float64(12345.678)))

# CPython 3.11 printed:
# expect: 0.1 0.20000000298023224 float64 0.10000000149011612 0.3 float32
# expect: 0.33333334 0.3333333333333333 3 -2 -3 2.5
# expect: 10 int64 5.0 float64 2
# expect: array([0.3, 0.6], dtype=float32) array([0.2, 0.3], dtype=float32) array([0.3, 0.6], dtype=float32) array([1.1, 2.2]) array([0.03333334, 0.06666667], dtype=float32)
# expect: float64 float64 int64 int32
# expect: float32 int64 float64 float64
# expect: float64 float64 float32
# expect: 0.4472135954999579 float64 1.4142135 float32 float64
# expect: 1.7320508075688772 1.7320508075688772 1.8660254037844386 -0.8660254037844386 0.7499999999999999 1.1547005383792517 True 8 0.866 0.8660 0.866
# expect: True False True True 2 1.5
# expect: float32 0.10000000149011612 float 4 1
# expect: int64 dtype('int64') int64 True True False float32 8
# expect: True True True True False
# expect: ndarray int64 float32 bool_
# expect: 1.5 2 -2 False 0.0 [1. 2.] 3
# expect: array([0., 1., 2.], dtype=float32) array([False,  True,  True]) array([ 1, -1]) array([0.5], dtype=float32)
# expect: range(0, 3) 0 4 (2,)
# expect: 0.10000000149011612 0.100 2.5    3 [0 1 2] 0.1 9.999999747378752e-06 0.1 0.1 0.10 7 0.10000000149011612 1.23e+04
