def g(a, b):
    return a


g(1, 2, 3)
# error: line 5: TypeError: g() takes 2 positional arguments but 3 were given
