# Reductions as numpy adds (pairwise sums in blocks, element by element along outer axes, the
# iterator's memory order for transposed views): sum prod mean std var min max argmax argmin
# any all with axis and keepdims, as functions and methods; cumsum. Full reprs are numpy's bits.
import numpy as np

def pseudo(n, seed):
    i = np.arange(n) + seed
    return ((i * 2654435761) % 4294967296) / 4294967296.0 * (3.0 + (i % 7)) - 1.7

w = pseudo(37 * 300, 1).reshape(37, 300)
w32 = w.astype(np.float32)
c = pseudo(120, 5).reshape(4, 5, 6)
big = pseudo(20000, 9)
ints = (np.arange(30000) * 7919) % 2001 - 1000
print(repr(w.sum()), repr(w.T.sum()), repr(w[::2].sum()), repr(w[:, ::2].sum()), repr(big.sum()), repr(big[::-1].sum()))
print(repr(w32.sum()), repr(w32.mean()), repr(w32.std()), repr(w32.var(ddof=1)), repr(w.mean()), repr(w.std()), repr(w.var()))
print(w.sum(axis=0)[:4].tolist(), w.sum(axis=1)[:4].tolist(), w.T.sum(axis=0)[:3].tolist(), w.T.sum(axis=1)[:3].tolist())
print(c.sum(axis=(0, 2)).tolist(), c.sum(axis=(1, 2)).tolist(), c.mean(axis=1, keepdims=True).shape, c.std(axis=2)[0].tolist())
print(w32.sum(axis=0)[:4].tolist(), w32.mean(axis=1)[:4].tolist(), w32.std(axis=0)[:4].tolist())
print(repr(np.mean(ints)), repr(np.sum(ints)), repr(np.std(ints)), repr(ints.prod()), repr(np.mean(np.arange(10))), repr(np.var(np.arange(5), ddof=1)))
print(repr(np.prod(w[0, :20])), repr(w.max()), repr(w.min()), w.argmax(), w.argmin(), w.argmax(axis=0)[:5].tolist(), w.argmin(axis=1)[:5].tolist())
print(np.cumsum(w[0, :5]).tolist(), np.cumsum(w32[:2, :3], axis=1).tolist(), np.cumsum(np.arange(5)), np.cumsum([[1, 2], [3, 4]], axis=0), np.cumsum([[1, 2], [3, 4]]))
print((w32 - w32.mean(axis=0)).std(axis=0)[:3].tolist(), repr((w.T * 2).sum()), repr(np.sqrt(w.T ** 2).sum()), repr((w.T + w.T).mean()))
print(w.sum(axis=0, keepdims=True).shape, np.sum(w, axis=None, keepdims=True).shape, np.all(w > -10), np.any(w > 10), w.any(axis=0).shape)
print(np.prod((3, 4, 5)), type(np.prod((3, 4))).__name__, np.sum([1, 2, 3]), np.sum([0.5, 0.25]), np.max([3, 1, 2]), np.amin([[3, 1], [2, 0]], axis=1), np.argmax([1, 3, 3]))
a = np.arange(12.0).reshape(3, 4)
print(a.sum(0), a.sum(axis=-1), a.mean(axis=(0, 1)), a.max(axis=0), a.min(1), a.std(0), a.var(axis=1, ddof=1), a.prod(axis=1), a.argmax(axis=1), a.argmin(0))
print(np.sum(a, axis=1, keepdims=True), np.mean(a, 0), np.std(a), np.var(a, axis=0), np.max(a, axis=1), np.min(a, keepdims=True), np.all(a >= 0, axis=0))
print(np.sum(np.array([True, False, True])), np.mean(np.array([True, False])), np.sum(np.arange(4, dtype=np.int32)).dtype, a.sum(dtype=np.float32).dtype, np.max(np.array([1.0, np.nan])))
# expect: 14418.329524462348 14418.329524462348 7401.4463329396685 7206.705951760757 25999.10657324107 25999.10657324107
# expect: 14418.329 1.2989485 2.0809824 4.330878 1.2989486058074187 2.0809824270768336 4.330487861802588
# expect: [40.69868428227491, 42.764974691811936, 48.94653994790277, 46.243380050547394] [394.51993646658957, 392.55751491640694, 383.4437154473272, 389.1785380593501] [394.51993646658957, 392.55751491640694, 383.4437154473272] [40.69868428227491, 42.764974691811936, 48.94653994790277]
# expect: [29.481211886554956, 31.66612152038142, 28.743867834610864, 37.628850661497566, 18.70467805797234] [32.82405171589925, 37.985854845726855, 31.284238300519068, 44.13058509887195] (4, 1, 6) [2.005438184120367, 1.8537078116195895, 1.5049875806003565, 2.1595769121291277, 1.7517230353816597]
# expect: [40.69868850708008, 42.76496887207031, 48.946537017822266, 46.243377685546875] [1.3150665760040283, 1.3085249662399292, 1.2781457901000977, 1.2972618341445923] [1.9509038925170898, 2.0249359607696533, 2.057241201400757, 1.9006270170211792]
# expect: 0.16 4800 577.6805700961966 0 4.5 2.5
# expect: -290.34052844326396 7.289317115629092 -1.6998463951051235 376 10945 [30, 31, 32, 6, 7] [232, 21, 9, 31, 19]
# expect: [0.772135947085917, 0.2524758148007096, 3.677087576687336, 5.282039206288755, 4.303398677147925] [[0.7721359729766846, 0.2524758577346802, 3.6770877838134766], [-1.6153099536895752, -0.7302539348602295, -1.1087639331817627]] [ 0  1  3  6 10] [[1 2]
# expect:  [4 6]] [ 1  3  6 10]
# expect: [1.9509037733078003, 2.024935722351074, 2.057241201400757] 28836.659048924696 20508.729636245364 2.5978972116148373
# expect: (1, 300) (1, 1) True False (300,)
# expect: 60 int64 6 0.75 3 [1 0] 1
# expect: [12. 15. 18. 21.] [ 6. 22. 38.] 5.5 [ 8.  9. 10. 11.] [0. 4. 8.] [3.26598632 3.26598632 3.26598632 3.26598632] [1.66666667 1.66666667 1.66666667] [   0.  840. 7920.] [3 3 3] [0 0 0 0]
# expect: [[ 6.]
# expect:  [22.]
# expect:  [38.]] [4. 5. 6. 7.] 3.452052529534663 [10.66666667 10.66666667 10.66666667 10.66666667] [ 3.  7. 11.] [[0.]] [ True  True  True  True]
# expect: 2 0.5 int64 float32 nan
