# torch.jit as PyTorch behaves in eager mode for initlab's purposes: @torch.jit.script,
# torch.jit.trace, @torch.jit.ignore / unused / export hand back what they were given (the
# playground runs Python, never TorchScript), is_scripting() and is_tracing() are False.


def script(obj=None, optimize=None, _frames_up=0, _rcb=None, example_inputs=None):
    return obj


def trace(func, example_inputs=None, *args, **kwargs):
    return func


def trace_module(mod, inputs, *args, **kwargs):
    return mod


def ignore(drop=False, **kwargs):
    if callable(drop):
        return drop
    return lambda fn: fn


def unused(fn):
    return fn


def export(fn):
    return fn


def interface(obj):
    return obj


def is_scripting():
    return False


def is_tracing():
    return False


def annotate(the_type, the_value):
    return the_value


def script_if_tracing(fn):
    return fn


def _overload_method(fn):
    return fn


def freeze(mod, preserved_attrs=None, optimize_numerics=True):
    return mod


def save(m, f, _extra_files=None):
    raise NotImplementedError("not supported in initlab: torch.jit.save (the playground has no file system)")


def load(f, map_location=None, _extra_files=None):
    raise NotImplementedError("not supported in initlab: torch.jit.load (the playground has no file system)")


class Final:
    @classmethod
    def __class_getitem__(cls, t):
        return t


class Attribute:
    def __new__(cls, value, type=None):
        return value
