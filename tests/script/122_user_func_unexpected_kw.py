def f(x, y):
    return x - y


print(f(y=1, x=5))  # expect: 4
f(1, 2, z=3)
# error: line 6: TypeError: f() got an unexpected keyword argument 'z'
