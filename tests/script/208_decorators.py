# Decorators: user-defined (with arguments, stacked), on classes, staticmethod, classmethod,
# property with a setter.
def traced(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper


def repeat(n):
    def deco(fn):
        def run(*a):
            return [fn(*a) for _ in range(n)]
        return run
    return deco


@traced
def add(a, b):
    return a + b


@repeat(2)
@traced
def sq(x):
    return x * x


print(add(1, 2), sq(3))

REGISTRY = {}


def register(cls):
    REGISTRY[cls.__name__] = cls
    return cls


@register
class Block:
    count = 0

    def __init__(self, width):
        self._width = width
        Block.count += 1

    @staticmethod
    def default_width():
        return 64

    @classmethod
    def make(cls, width=None):
        return cls(width or cls.default_width())

    @property
    def width(self):
        return self._width

    @width.setter
    def width(self, value):
        if value <= 0:
            raise ValueError("width must be positive")
        self._width = value

    @property
    def double(self):
        return 2 * self._width


b = Block.make()
print(sorted(REGISTRY), b.width, b.double, Block.count, Block.default_width(), b.default_width())
b.width = 8
print(b.width, b.double)
try:
    b.width = -1
except ValueError as e:
    print(e)
try:
    b.double = 3
except AttributeError as e:
    print("AttributeError")


class Wide(Block):
    @classmethod
    def make(cls, width=None):
        obj = super().make(width)
        print("made", type(obj).__name__)
        return obj


print(Wide.make(4).width)

# CPython 3.11 printed:
# expect: calling add (1, 2)
# expect: calling sq (3,)
# expect: calling sq (3,)
# expect: 3 [9, 9]
# expect: ['Block'] 64 128 1 64 64
# expect: 8 16
# expect: width must be positive
# expect: AttributeError
# expect: made Wide
# expect: 4
