# Operator and protocol methods on user classes.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.xs) + ")"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return Vec(*[k * x for x in self.xs])

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __iter__(self):
        return iter(self.xs)

    def __contains__(self, v):
        return v in self.xs

    def __bool__(self):
        return any(self.xs)

    def __hash__(self):
        return hash(tuple(self.xs))


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, 2 * a, a * 3, -a, a == Vec(1, 2), a != b, a < b, b > a)
print(len(a), a[1], a[-1], list(a), 2 in a, 9 in a, bool(Vec(0, 0)), sum([a, b]))
a[0] = 10
print(a, sorted([b, a]), {a: "key"}[Vec(10, 2)])
x, y = b
print(x, y, max(Vec(5), Vec(1, 1), key=len))


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return self.k * x


class Config:
    def __init__(self, **kw):
        self._kw = kw

    def __getattr__(self, name):
        try:
            return self._kw[name]
        except KeyError:
            raise AttributeError(name)


double = Scale(2)
print(double(21), callable(double), callable(a))
c = Config(width=32)
print(c.width, hasattr(c, "depth"), getattr(c, "depth", "none"))


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, v):
        self.total += v
        return self


acc = Acc()
acc += 5
acc += 6
print(acc.total)
try:
    a + 1
except TypeError as e:
    print(e)

# CPython 3.11 printed:
# expect: Vec(4, 6) Vec(2, 4) Vec(3, 6) Vec(-1, -2) True True True True
# expect: 2 2 2 [1, 2] True False False Vec(4, 6)
# expect: Vec(10, 2) [Vec(3, 4), Vec(10, 2)] key
# expect: 3 4 Vec(1, 1)
# expect: 42 True False
# expect: 32 False none
# expect: 11
# expect: unsupported operand type(s) for +: 'Vec' and 'int'
