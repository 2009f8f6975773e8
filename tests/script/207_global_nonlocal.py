# global and nonlocal.
counter = 0


def bump(by=1):
    global counter
    counter += by
    return counter


bump()
bump(5)
print(counter)


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


c = make_counter()
c()
c()
print(c())

registry = {}


def register(name):
    global registry
    registry = dict(registry, **{name: len(registry)})


register("a")
register("b")
print(registry)


def outer():
    x = "outer"

    def inner():
        nonlocal x
        x = "changed"

    inner()
    return x


print(outer())


def define_global():
    global NEW_NAME
    NEW_NAME = 42


define_global()
print(NEW_NAME)

# CPython 3.11 printed:
# expect: 6
# expect: 3
# expect: {'a': 0, 'b': 1}
# expect: changed
# expect: 42
