def f(a, b, c=10, d=20):
    return a + b + c + d


print(f(1, 2))  # expect: 33
print(f(1, 2, 3))  # expect: 26
print(f(1, 2, d=0))  # expect: 13
print(f(b=1, a=2, c=0, d=0))  # expect: 3
def g(x, scale=2.0):
    return x * scale
print(g(3), g(3, scale=0.5))  # expect: 6.0 1.5
