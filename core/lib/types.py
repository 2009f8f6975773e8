# types: the types of functions, methods, builtins, modules, generators, None and Ellipsis
# (for isinstance), SimpleNamespace, MappingProxyType, new_class. MethodType(func, obj) binds
# a function; ModuleType(name) makes an empty module.
import _initlab


def _function():
    pass


def _generator():
    yield None


FunctionType = type(_function)
LambdaType = FunctionType
GeneratorType = type(_generator())
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


def _named(name, cls, module="builtins"):
    # The class under the name CPython gives it (type(x).__name__, its repr).
    ns = dict(cls.__dict__)
    ns["__module__"] = module
    ns["__qualname__"] = name
    return type(name, (), ns)


class _Method:
    def __new__(cls, func, obj):
        if obj is None:
            raise TypeError("self must not be None")
        return _initlab.bind_method(func, obj)

    @classmethod
    def __instancecheck__(cls, obj):
        return _initlab.kind(obj) == "method"


class _Module:
    def __new__(cls, name, doc=None):
        if not isinstance(name, str):
            raise TypeError(f"module.__init__() argument 'name' must be str, not {type(name).__name__}")
        m = _initlab.new_module(name)
        m.__doc__ = doc
        return m

    @classmethod
    def __instancecheck__(cls, obj):
        return _initlab.kind(obj) == "module"


MethodType = _named("method", _Method)
ModuleType = _named("module", _Module)


def _uncreatable(name):
    def make(cls, *args, **kwargs):
        raise NotImplementedError(f"not supported in initlab: creating a {name} object")

    def check(cls, obj):
        return False
    return type(name, (), {"__module__": "builtins", "__new__": make, "__instancecheck__": classmethod(check)})


CodeType = _uncreatable("code")
FrameType = _uncreatable("frame")
TracebackType = _uncreatable("traceback")
CellType = _uncreatable("cell")
CoroutineType = _uncreatable("coroutine")
AsyncGeneratorType = _uncreatable("async_generator")
MethodWrapperType = _uncreatable("method-wrapper")
WrapperDescriptorType = _uncreatable("wrapper_descriptor")
MethodDescriptorType = _uncreatable("method_descriptor")
ClassMethodDescriptorType = _uncreatable("classmethod_descriptor")
GetSetDescriptorType = _uncreatable("getset_descriptor")
MemberDescriptorType = _uncreatable("member_descriptor")


class SimpleNamespace:
    """Attributes set from keyword arguments; repr namespace(a=1, b=2), == by attributes."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        # The attributes live in a dict of their own (in the order they were set), which
        # vars() returns: writes to it are the namespace's attributes.
        _initlab.set_instance_attr(self, "__dict__", dict(kwargs))

    def __getattr__(self, name):
        d = self.__dict__
        if name in d:
            return d[name]
        raise AttributeError(f"'types.SimpleNamespace' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        self.__dict__[name] = value

    def __delattr__(self, name):
        d = self.__dict__
        if name not in d:
            raise AttributeError(name)
        del d[name]

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        parts = [f"{k}={v!r}" for k, v in self.__dict__.items()]
        return f"{name}({', '.join(parts)})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __ne__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ != other.__dict__

    def __reduce__(self):
        return (type(self), (), self.__dict__)

    def __copy__(self):
        return type(self)(**self.__dict__)


class _MappingProxy:
    def __init__(self, mapping):
        if not isinstance(mapping, dict) and not (hasattr(mapping, "keys") and hasattr(mapping, "__getitem__")):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        _initlab.set_instance_attr(self, "_mapping", mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return {**self._mapping, **other}

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()


MappingProxyType = _named("mappingproxy", _MappingProxy)


def resolve_bases(bases):
    out = []
    for base in bases:
        if isinstance(base, type) or not hasattr(base, "__mro_entries__"):
            out.append(base)
        else:
            out.extend(base.__mro_entries__(tuple(bases)))
    return tuple(out)


def prepare_class(name, bases=(), kwds=None):
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop("metaclass", type)
    return meta, {}, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """A class made as a class statement would make it: exec_body fills its namespace."""
    bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, bases, kwds)
    if meta is not type or kwds:
        raise NotImplementedError("not supported in initlab: new_class with a metaclass or class keywords")
    if exec_body is not None:
        exec_body(ns)
    if "__module__" not in ns:
        ns["__module__"] = "types"  # type() names the module it is called from, as in CPython
    return type(name, bases, ns)


def coroutine(func):
    raise NotImplementedError("not supported in initlab: types.coroutine (async code)")


DynamicClassAttribute = property
