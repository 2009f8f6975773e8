# np.linalg: QR as dgeqr2/dorg2r computes it (numpy's bits for up to 128 columns), SVD with
# dgesdd's signs (and numpy's bits for these tall matrices, whose bidiagonal problems have at
# most 25 rows), norms.
import numpy as np

def pseudo(n, seed):
    i = np.arange(n) + seed
    return ((i * 2654435761) % 4294967296) / 4294967296.0 * (3.0 + (i % 7)) - 1.7

for m, n, seed in [(5, 3, 1), (3, 5, 2), (10, 4, 3), (4, 10, 4), (8, 8, 5), (20, 24, 6), (25, 25, 7), (26, 10, 8), (1, 5, 9), (2, 2, 10)]:
    a = pseudo(m * n, seed).reshape(m, n)
    q, r = np.linalg.qr(a)
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    uf, sf, vtf = np.linalg.svd(a)
    print(m, n, q.shape, r.shape, u.shape, vt.shape, uf.shape, vtf.shape)
    # numpy's bits for tall matrices; wide ones go through LQ, equal to numpy's within ulps
    show = repr if m >= n else (lambda x: f"{x:.13g}")
    print(repr(q.sum()), repr(r[0, -1]), show(np.abs(u).sum()), show(s[0]), np.sign(u[0]).tolist(), np.sign(vt[:, 0]).tolist(), np.sign(uf[-1]).tolist())
    print(np.allclose(q @ r, a), np.allclose((u * s) @ vt, a), np.allclose(uf.T @ uf, np.eye(m)), np.allclose(vtf @ vtf.T, np.eye(n)))
a = pseudo(64 * 27, 3).reshape(64, 27)
q, r = np.linalg.qr(a)
print(repr(q[:, 0].sum()), repr(np.diag(r).sum()), np.linalg.qr(a, mode='r').shape, repr(np.linalg.svd(a, compute_uv=False)[:2]))
print(repr(np.linalg.norm(a)), repr(np.linalg.norm(a.astype(np.float32))), np.linalg.norm(a, axis=0)[:3].tolist(), repr(np.linalg.norm(a[0], ord=1)))
print(repr(np.linalg.norm(a[:5, :5], 'fro')), repr(np.linalg.norm(a[:4, :4], np.inf)), repr(np.linalg.norm(a[0], np.inf)), repr(np.linalg.norm(a[0], 0)), repr(np.linalg.norm(a[:5, :5], 1)))
print(repr(np.linalg.norm([3, 4])), repr(np.linalg.norm([[1, 2], [3, 4]], keepdims=True)), f"{np.linalg.norm(a[:3, :3], 2):.13g}", repr(np.linalg.norm(a[0, :4], 3)))
print(np.linalg.qr(np.eye(3))[0], np.linalg.svd(np.diag([3.0, 1.0, 2.0]))[1], np.linalg.svd(np.ones((2, 2), np.float32))[1].dtype)
# expect: 5 3 (5, 3) (3, 3) (5, 3) (3, 3) (5, 5) (3, 3)
# expect: -2.9184656318101005 -3.7517486787847476 5.30643673961356 6.350309687523054 [1.0, -1.0, 1.0] [1.0, -1.0, -1.0] [-1.0, 1.0, 1.0, -1.0, 1.0]
# expect: True True True True
# expect: 3 5 (3, 3) (3, 5) (3, 3) (3, 5) (3, 3) (5, 5)
# expect: -2.0556084789629794 -0.40883194504631337 4.325061154901 7.815940344299 [-1.0, 1.0, 1.0] [1.0, -1.0, 1.0] [-1.0, -1.0, 1.0]
# expect: True True True True
# expect: 10 4 (10, 4) (4, 4) (10, 4) (4, 4) (10, 10) (4, 4)
# expect: -2.471273879364981 -3.203440164709469 9.79452719260961 9.042229094075317 [-1.0, -1.0, 1.0, -1.0] [-1.0, 1.0, -1.0, 1.0] [-1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, -1.0, 1.0]
# expect: True True True True
# expect: 4 10 (4, 4) (4, 10) (4, 4) (4, 10) (4, 4) (10, 10)
# expect: -3.0157763759232274 -0.3680239560044263 6.80243409425 8.415861811563 [-1.0, 1.0, 1.0, 1.0] [-1.0, -1.0, -1.0, 1.0] [-1.0, -1.0, 1.0, 1.0]
# expect: True True True True
# expect: 8 8 (8, 8) (8, 8) (8, 8) (8, 8) (8, 8) (8, 8)
# expect: 1.5882775314046995 -2.8259928016678 19.867563724407297 11.918993279573362 [1.0, -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, -1.0] [1.0, 1.0, -1.0, 1.0, 1.0, -1.0, 1.0, 1.0] [1.0, 1.0, -1.0, -1.0, 1.0, -1.0, 1.0, 1.0]
# expect: True True True True
# expect: 20 24 (20, 20) (20, 24) (20, 20) (20, 24) (20, 20) (24, 24)
# expect: -1.8618119865461056 -5.676920993055819 73.15211583194 29.82231056242 [1.0, 1.0, -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0] [1.0, 1.0, -1.0, 1.0, -1.0, -1.0, 1.0, -1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0] [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0]
# expect: True True True True
# expect: 25 25 (25, 25) (25, 25) (25, 25) (25, 25) (25, 25) (25, 25)
# expect: -2.46766745640821 1.9614074880201156 101.4155192789161 33.50807841264039 [1.0, -1.0, 1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0, -1.0, 1.0] [1.0, 1.0, -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 1.0, -1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 1.0, 1.0] [1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 1.0, -1.0, 1.0, -1.0, 1.0, 1.0, -1.0, 1.0, -1.0]
# expect: True True True True
# expect: 26 10 (26, 10) (10, 10) (26, 10) (10, 10) (26, 26) (10, 10)
# expect: -9.73244095306811 0.11116763232892368 42.03079506426001 22.204522565267695 [-1.0, 1.0, -1.0, 1.0, -1.0, -1.0, 1.0, -1.0, -1.0, 1.0] [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0] [-1.0, -1.0, 1.0, -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 1.0, -1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, 1.0, 1.0, -1.0, 1.0, 1.0]
# expect: True True True True
# expect: 1 5 (1, 1) (1, 5) (1, 1) (1, 5) (1, 1) (5, 5)
# expect: 1.0 -1.3900235477369278 1 4.618646852264 [-1.0] [-1.0] [-1.0]
# expect: True True True True
# expect: 2 2 (2, 2) (2, 2) (2, 2) (2, 2) (2, 2) (2, 2)
# expect: 1.8702967684759246 -2.677445192497446 2.65459826583582 4.297406089645404 [1.0, -1.0] [-1.0, -1.0] [-1.0, -1.0]
# expect: True True True True
# expect: -4.1241886373668954 -120.3442524465226 (27, 27) array([54.31445883, 41.36631233])
# expect: 101.89592564684246 101.895905 [18.593374399388697, 19.583062074122275, 19.107676396989305] 49.40272404141724
# expect: 10.663185897445828 10.682039206288755 4.673835285659879 27.0 10.753646903764457
# expect: 5.0 array([[5.47722558]]) 4.112100687304 5.28162445492149
# expect: [[ 1.  0.  0.]
# expect:  [-0.  1.  0.]
# expect:  [-0. -0.  1.]] [3. 2. 1.] float32
