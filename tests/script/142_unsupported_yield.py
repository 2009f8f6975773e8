def gen(n):
    for i in range(n):
        yield i
total = sum(gen(3))
# error: line 3: NotImplementedError: not supported in initlab: generators (yield)
