# Generators: yield, yield from, generator expressions, iter and next.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


print(list(countdown(3)))


def layers(widths):
    for a, b in zip(widths, widths[1:]):
        yield (a, b)
        yield "relu"


print(list(layers([4, 8, 2])))


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6))))
g = (x * x for x in range(5))
print(next(g), next(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
it = iter([10, 20])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")


def gen_with_return():
    yield 1
    return "ignored"


print([v for v in gen_with_return()])
print(type(countdown(1)).__name__, tuple(countdown(2)), sorted(countdown(3)))
d = dict((k, k * 2) for k in "ab")
print(d)
e = enumerate(["x", "y"])
print(next(e), list(e))
z = zip("ab", [1, 2])
print(next(z), list(z))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(reversed([1, 2, 3])))

# CPython 3.11 printed:
# expect: [3, 2, 1]
# expect: [(4, 8), 'relu', (8, 2), 'relu']
# expect: [1, 2, 3, 4, 5]
# expect: 0 1 [4, 9, 16]
# expect: 25 3
# expect: 10 20 end
# expect: StopIteration
# expect: [1]
# expect: generator (2, 1) [1, 2, 3]
# expect: {'a': 'aa', 'b': 'bb'}
# expect: (0, 'x') [(1, 'y')]
# expect: ('a', 1) [('b', 2)]
# expect: [11, 22] [3, 2, 1]
