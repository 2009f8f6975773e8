# with on user context managers: __enter__/__exit__, the value bound by as, and suppression.
class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return False


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return None

    def __exit__(self, kind, value, tb):
        return kind is not None and issubclass(kind, self.kinds)


with Timer("a") as t:
    print("inside", t.name)

with Timer("outer"), Timer("inner"):
    print("both open")

with Suppress(KeyError):
    {}["x"]
    print("not reached")
print("after suppress")

try:
    with Timer("failing"):
        raise ValueError("inside with")
except ValueError as e:
    print("propagated:", e)

# CPython 3.11 printed:
# expect: enter a
# expect: inside a
# expect: exit a None None
# expect: enter outer
# expect: enter inner
# expect: both open
# expect: exit inner None None
# expect: exit outer None None
# expect: after suppress
# expect: enter failing
# expect: exit failing ValueError inside with
# expect: propagated: inside with
