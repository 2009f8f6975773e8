# raise ... from, bare raise, __cause__ and __context__.
try:
    try:
        int("nope")
    except ValueError as e:
        raise RuntimeError("could not read the config") from e
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("while handling")
except TypeError as e:
    print(e, "| context:", repr(e.__context__))

try:
    try:
        raise ValueError("first")
    except ValueError:
        print("logging it, then re-raising")
        raise
except ValueError as e:
    print("re-raised:", e)

try:
    raise ValueError("quiet") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)


def fail():
    raise NotImplementedError("subclasses must implement this")


try:
    fail()
except NotImplementedError as e:
    print("NotImplementedError:", e)

# CPython 3.11 printed:
# expect: could not read the config | cause: ValueError invalid literal for int() with base 10: 'nope'
# expect: while handling | context: KeyError('missing')
# expect: logging it, then re-raising
# expect: re-raised: first
# expect: None True
# expect: NotImplementedError: subclasses must implement this
