# functools: partial (the norm_layer idiom), reduce, wraps, lru_cache, cached_property,
# total_ordering, cmp_to_key.
import functools
from functools import partial, reduce, wraps, lru_cache


def layer(channels, eps=1e-5, momentum=0.1):
    return f"BN({channels}, eps={eps}, momentum={momentum})"


norm_layer = partial(layer, eps=0.001)
print(norm_layer(64), norm_layer(8, momentum=0.01), norm_layer.func.__name__, norm_layer.keywords)
print(partial(partial(layer, 3), eps=2)(), reduce(lambda a, b: a * b, [1, 2, 3, 4], 10), reduce(max, [3, 9, 2]))


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@logged
def init_weights(m):
    """Initializes m."""
    return m


print(init_weights.__name__, init_weights.__doc__, init_weights.__wrapped__.__name__)
calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20), len(calls), fib.cache_info().hits)


class Net:
    def __init__(self, n):
        self.n = n

    @functools.cached_property
    def total(self):
        print("computing")
        return self.n * 2


net = Net(5)
print(net.total, net.total)


@functools.total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

# CPython 3.11 printed:
# expect: BN(64, eps=0.001, momentum=0.1) BN(8, eps=0.001, momentum=0.01) layer {'eps': 0.001}
# expect: BN(3, eps=2, momentum=0.1) 240 9
# expect: init_weights Initializes m. init_weights
# expect: 6765 21 18
# expect: computing
# expect: 10 10
# expect: True True False
# expect: [3, 2, 1]
# expect: reduce() of empty iterable with no initial value
