class InitError(Exception):
    pass


def init_weights(m):
    raise InitError("unknown layer: " + m)


print("before")
init_weights("Conv3d")
# error: line 6: InitError: unknown layer: Conv3d

# CPython 3.11 printed:
# expect: before
