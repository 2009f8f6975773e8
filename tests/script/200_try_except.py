# try/except/else/finally, as CPython runs them.
def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("not a number:", e)
        return None
    else:
        print("parsed", value)
        return value
    finally:
        print("done with", repr(text))


parse("12")
parse("x1")

try:
    [1, 2, 3][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e.args)

try:
    {"a": 1}["b"]
except LookupError as e:
    print("lookup:", repr(e), str(e))

try:
    1 / 0
except Exception:
    print("bare Exception catches", "ZeroDivisionError")

try:
    raise RuntimeError("boom", 3)
except RuntimeError as err:
    print(err.args, str(err))

try:
    try:
        raise KeyError("inner")
    finally:
        print("finally runs on the way out")
except KeyError as e:
    print("caught outside:", e)


def early():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("finally", i)


print("returned", early())


def overridden():
    try:
        return "body"
    finally:
        return "finally"


print(overridden())

try:
    undefined_name
except NameError as e:
    print(e)

try:
    pass
except Exception:
    print("not reached")
else:
    print("else runs when nothing was raised")

# CPython 3.11 printed:
# expect: parsed 12
# expect: done with '12'
# expect: not a number: invalid literal for int() with base 10: 'x1'
# expect: done with 'x1'
# expect: IndexError ('list index out of range',)
# expect: lookup: KeyError('b') 'b'
# expect: bare Exception catches ZeroDivisionError
# expect: ('boom', 3) ('boom', 3)
# expect: finally runs on the way out
# expect: caught outside: 'inner'
# expect: finally 0
# expect: finally 1
# expect: returned 1
# expect: finally
# expect: name 'undefined_name' is not defined
# expect: else runs when nothing was raised
