# contextlib: @contextmanager in with statements (setup, body at the yield, cleanup; exceptions,
# return, break, continue through it; as a decorator), suppress, nullcontext, ExitStack, closing.
from contextlib import contextmanager, suppress, nullcontext, ExitStack, closing
import contextlib

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")

with tag("a") as t:
    print("body", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("boom")
print("after")

def f():
    for i in range(3):
        with tag(str(i)):
            if i == 1:
                return "ret" + str(i)
    return None
print(f())

for i in range(3):
    with tag("L" + str(i)):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")

try:
    with tag("x"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        print("never")
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        print("once")
except RuntimeError as e:
    print("RuntimeError", e)

def gen():
    for i in range(2):
        with tag("g"):
            yield i
print(list(gen()))

with tag("p"), tag("q") as q:
    print("two", q)

@tag("deco")
def decorated(x):
    print("in decorated", x)
    return x * 2
print(decorated(3))

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    stack.callback(print, "cb1")
    stack.callback(print, "cb2")
    print("in stack")
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    pass

with ExitStack() as stack:
    stack.enter_context(suppress(KeyError))
    stack.callback(print, "cleanup runs first")
    raise KeyError("hidden")
print("ExitStack suppressed it")
try:
    with ExitStack() as stack:
        stack.push(lambda *exc: print("push saw", exc[0].__name__))
        raise IndexError("seen")
except IndexError as e:
    print("IndexError", e)
with ExitStack() as outer:
    inner = ExitStack()
    inner.callback(print, "moved")
    outer.enter_context(inner.pop_all())
    inner.close()
    print("inner closed")

once = tag("once")
with once:
    pass
try:
    with once:
        pass
except AttributeError as e:
    print("AttributeError", e)

# CPython 3.11 printed:
# expect: <a>
# expect: body A
# expect: </a>
# expect: swallowed boom
# expect: after
# expect: <0>
# expect: </0>
# expect: <1>
# expect: </1>
# expect: ret1
# expect: <L0>
# expect: </L0>
# expect: <L1>
# expect: </L1>
# expect: loop done
# expect: <x>
# expect: </x>
# expect: caught KeyError('k')
# expect: RuntimeError generator didn't yield
# expect: once
# expect: RuntimeError generator didn't stop
# expect: <g>
# expect: </g>
# expect: <g>
# expect: </g>
# expect: [0, 1]
# expect: <p>
# expect: <q>
# expect: two Q
# expect: </q>
# expect: </p>
# expect: <deco>
# expect: in decorated 3
# expect: </deco>
# expect: 6
# expect: suppressed
# expect: 5
# expect: in stack
# expect: cb2
# expect: cb1
# expect: closed
# expect: cleanup runs first
# expect: ExitStack suppressed it
# expect: push saw IndexError
# expect: IndexError seen
# expect: inner closed
# expect: moved
# expect: <once>
# expect: </once>
# expect: AttributeError '_GeneratorContextManager' object has no attribute 'args'
