square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(4), add(1), add(1, 2))  # expect: 16 11 3


def make_scaler(factor):
    def scale(v):
        return v * factor
    return scale


double = make_scaler(2)
triple = make_scaler(3)
print(double(5), triple(5))  # expect: 10 15
fns = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in fns])  # expect: [10, 11, 12]
late = [lambda: k for k in range(3)]
print([f() for f in late])  # expect: [2, 2, 2]
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=lambda p: p[1]))  # expect: [(2, 'a'), (1, 'b'), (0, 'c')]
