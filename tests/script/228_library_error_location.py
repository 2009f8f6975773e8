# An error raised inside a library module points at the user's line that called it.
import collections
import functools

Point = collections.namedtuple("Point", "x y")
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]))
Bad = collections.namedtuple("Bad", "x x")
# error: line 7: ValueError: Encountered duplicate field name: 'x'

# CPython 3.11 printed:
# expect: 6
