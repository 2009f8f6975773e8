# np.random's legacy RandomState streams, bit for bit: seed, rand, randn, random, random_sample,
# normal, uniform, randint, permutation, shuffle, choice (with p, without replacement), and
# RandomState(seed) objects with their own state.
import numpy as np

np.random.seed(0)
print(np.random.rand(), np.random.randn(), np.random.random(), np.random.normal(), np.random.uniform(), np.random.randint(5), np.random.choice(5))
print(repr(np.random.rand(2, 3)), repr(np.random.randn(4)), repr(np.random.random_sample((2,))), repr(np.random.random(size=3)))
print(repr(np.random.normal(1, 2, (2, 3))), repr(np.random.uniform(-1, 1, 4)), repr(np.random.normal([0, 10], 1)), np.random.uniform(np.zeros(2), np.ones((3, 2))).shape)
print(repr(np.random.randint(0, 100, 5)), repr(np.random.randint(2**40, size=2)), repr(np.random.randint(3, 10, size=(2, 2), dtype=np.int32)), repr(np.random.normal(0, 1, size=())))
print(repr(np.random.permutation(6)), repr(np.random.permutation(np.arange(4.0))), repr(np.random.permutation(np.arange(6).reshape(3, 2))), repr(np.random.standard_normal(2)))
x = [1, 2, 3, 4, 5]
np.random.shuffle(x)
a = np.arange(12).reshape(4, 3)
np.random.shuffle(a)
b = np.arange(6.0)
np.random.shuffle(b)
print(x, a.tolist(), b)
np.random.seed(5)
print(np.random.choice(10, 4, replace=False, p=np.arange(10) / 45.0), np.random.choice([3, 4, 5], size=(2, 2)), np.random.choice(5, 3, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
print(np.random.choice(5, 3, replace=False), repr(np.random.choice([1.5, 2.5])), np.random.choice(np.arange(10) * 2, 3))
r = np.random.RandomState(42)
print(r.randn(2), r.permutation(5), r.uniform(size=2), r.normal(size=(1, 2)), r.randint(10), r.choice(5, 2), r.rand(), type(r).__name__)
r2 = np.random.RandomState(42)
print(r2.randn(2), np.random.RandomState(1).rand(3))
np.random.seed([1, 2, 3])
print(np.random.rand())
np.random.seed(np.int64(7))
print(np.random.randn(), np.random.randn(2, 2).sum())
np.random.seed(2**32 - 1)
print(np.random.randint(-5, 5, size=8))
# expect: 0.5488135039273248 0.7415917408091613 0.5448831829968969 1.5529137219128164 0.4236547993389047 2 4
# expect: array([[0.29753461, 0.05671298, 0.27265629],
# expect:        [0.47766512, 0.81216873, 0.47997717]]) array([ 1.1253141 , -0.35899555,  1.2206081 , -1.33949555]) array([0.36824154, 0.95715516]) array([0.14035078, 0.87008726, 0.47360805])
# expect: array([[1.19308534, 3.83733422, 3.33654627],
# expect:        [2.89437189, 3.17097407, 5.7644489 ]]) array([ 0.51723125, -0.78818479, -0.05279916, -0.62733531]) array([-0.84423086, 10.70564081]) (3, 2)
# expect: array([42, 58, 31,  1, 65]) array([992396111785, 247676877091]) array([[9, 6],
# expect:        [9, 5]], dtype=int32) array(-0.38586334)
# expect: array([3, 0, 2, 1, 4, 5]) array([1., 2., 0., 3.]) array([[4, 5],
# expect:        [2, 3],
# expect:        [0, 1]]) array([-0.77576235, -0.50965218])
# expect: [2, 3, 4, 1, 5] [[6, 7, 8], [3, 4, 5], [0, 1, 2], [9, 10, 11]] [4. 5. 3. 1. 0. 2.]
# expect: [4 9 6 7] [[3 5]
# expect:  [3 3]] [1 0 3]
# expect: [0 2 3] 1.5 [ 8 12  4]
# expect: [ 0.49671415 -0.1382643 ] [1 4 0 3 2] [0.15601864 0.15599452] [[1.57921282 0.76743473]] 5 [4 1] 0.7219987722668247 RandomState
# expect: [ 0.49671415 -0.1382643 ] [4.17022005e-01 7.20324493e-01 1.14374817e-04]
# expect: 0.6098612722867289
# expect: 1.690525703800356 -0.8145239524914791
# expect: [-2 -3  2 -1 -5  1  4 -5]
