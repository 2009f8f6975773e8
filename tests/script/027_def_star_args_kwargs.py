def f(*args, **kwargs):
    return args, kwargs


print(f())  # expect: ((), {})
print(f(1, 2, k=3))  # expect: ((1, 2), {'k': 3})
def g(a, *rest, sep="-", **opts):
    return sep.join([str(v) for v in (a,) + rest]) + str(sorted(opts))
print(g(1, 2, 3, sep="+", z=1, y=2))  # expect: 1+2+3['y', 'z']
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(1, 2, 3, 4), total())  # expect: 10 0
