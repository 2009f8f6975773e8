def f(a, b=2):
    return a * b


print(f(3))  # expect: 6
f(1, 2, 3)
# error: line 6: TypeError: f() takes from 1 to 2 positional arguments but 3 were given
