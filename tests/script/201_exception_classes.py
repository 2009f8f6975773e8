# User exception classes: hierarchy, attributes, super().__init__, str and repr.
class ConfigError(ValueError):
    pass


class ShapeError(Exception):
    def __init__(self, expected, got):
        super().__init__(f"expected {expected}, got {got}")
        self.expected = expected
        self.got = got


class Quiet(Exception):
    def __str__(self):
        return "quiet!"


try:
    raise ConfigError("bad width")
except ValueError as e:
    print(type(e).__name__, isinstance(e, ConfigError), isinstance(e, Exception), e)

try:
    raise ShapeError((3, 4), (4, 3))
except ShapeError as e:
    print(e, e.expected, e.got, e.args)
    print(repr(e))

try:
    raise Quiet
except Quiet as e:
    print(str(e), e.args)

print(issubclass(ConfigError, ValueError), issubclass(KeyError, LookupError))
print(repr(ValueError("x", 2)), repr(KeyError("k")), str(KeyError("k")))
print(ZeroDivisionError.__name__, NotImplementedError.__mro__[1].__name__)
errors = [TypeError("t"), ValueError("v")]
print([type(e).__name__ for e in errors])


def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x


for v in (1, -2):
    try:
        print(check(v))
    except ValueError as e:
        print("error:", e)

# CPython 3.11 printed:
# expect: ConfigError True True bad width
# expect: expected (3, 4), got (4, 3) (3, 4) (4, 3) ('expected (3, 4), got (4, 3)',)
# expect: ShapeError('expected (3, 4), got (4, 3)')
# expect: quiet! ()
# expect: True True
# expect: ValueError('x', 2) KeyError('k') 'k'
# expect: ZeroDivisionError RuntimeError
# expect: ['TypeError', 'ValueError']
# expect: 1
# expect: error: negative: -2
