def f(a, b):
    return a + b


print(f(1, 2))  # expect: 3
print(f(1))
# error: line 6: TypeError: f() missing 1 required positional argument: 'b'
