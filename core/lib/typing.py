# typing: every public name of Python 3.11's typing module. Annotations are never evaluated
# by initlab, so these matter where code uses them at run time: subscripting (Optional[int],
# Callable[..., nn.Module]), isinstance(x, Sequence), Generic[T] and Protocol as bases,
# NamedTuple and TypedDict classes, cast, overload, TypeVar, get_type_hints.
import collections
import collections.abc
import _initlab

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        module = getattr(obj, "__module__", "builtins")
        if module == "builtins":
            return obj.__qualname__
        return module + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    return repr(obj)


class _GenericAlias:
    """List[int], Optional[T], Callable[..., Module]: remembers its origin and arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        return isinstance(other, _GenericAlias) and self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        if self._name == "Optional":
            return "typing.Optional[" + _type_repr(self.__args__[0]) + "]"
        if self._name == "Callable" and len(self.__args__) == 2:
            params, result = self.__args__
            inner = "..." if params is ... else "[" + ", ".join(_type_repr(a) for a in params) + "]"
            return "typing.Callable[" + inner + ", " + _type_repr(result) + "]"
        return "typing." + name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"


class _SpecialForm:
    """Any, Union, Optional, ClassVar, Final, Literal, ...: subscriptable, not instantiable."""

    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        if self._name == "Optional":
            return _GenericAlias(Union, (params, type(None)), "Optional")
        if self._name == "Union" and isinstance(params, tuple) and len(params) == 2 and params[1] is None:
            return _GenericAlias(Union, (params[0], type(None)), "Optional")
        return _GenericAlias(self, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass typing.{self._name}")

    def __instancecheck__(self, obj):
        if self._name == "Any":
            return True
        raise TypeError(f"typing.{self._name} cannot be used with isinstance()")

    def __repr__(self):
        return "typing." + self._name


Any = _SpecialForm("Any")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
Annotated = _SpecialForm("Annotated")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
TypeAlias = _SpecialForm("TypeAlias")
Concatenate = _SpecialForm("Concatenate")
TypeGuard = _SpecialForm("TypeGuard")
Required = _SpecialForm("Required")
NotRequired = _SpecialForm("NotRequired")
LiteralString = _SpecialForm("LiteralString")
Unpack = _SpecialForm("Unpack")


class _Alias:
    """List, Dict, Sequence ...: a name for a real class, usable bare or subscripted."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __repr__(self):
        return "typing." + self._name


List = _Alias(list, "List")
Dict = _Alias(dict, "Dict")
Set = _Alias(set, "Set")
FrozenSet = _Alias(frozenset, "FrozenSet")
Tuple = _Alias(tuple, "Tuple")
Type = _Alias(type, "Type")
Text = str
AnyStr = _Alias(str, "AnyStr")
DefaultDict = _Alias(collections.defaultdict, "DefaultDict")
OrderedDict = _Alias(collections.OrderedDict, "OrderedDict")
Counter = _Alias(collections.Counter, "Counter")
Deque = _Alias(collections.deque, "Deque")
ChainMap = _Alias(collections.ChainMap, "ChainMap")
Callable = _Alias(collections.abc.Callable, "Callable")
Iterable = _Alias(collections.abc.Iterable, "Iterable")
Iterator = _Alias(collections.abc.Iterator, "Iterator")
Generator = _Alias(collections.abc.Generator, "Generator")
Reversible = _Alias(collections.abc.Reversible, "Reversible")
Sized = _Alias(collections.abc.Sized, "Sized")
Container = _Alias(collections.abc.Container, "Container")
Collection = _Alias(collections.abc.Collection, "Collection")
Hashable = _Alias(collections.abc.Hashable, "Hashable")
Sequence = _Alias(collections.abc.Sequence, "Sequence")
MutableSequence = _Alias(collections.abc.MutableSequence, "MutableSequence")
Mapping = _Alias(collections.abc.Mapping, "Mapping")
MutableMapping = _Alias(collections.abc.MutableMapping, "MutableMapping")
AbstractSet = _Alias(collections.abc.Set, "AbstractSet")
MutableSet = _Alias(collections.abc.MutableSet, "MutableSet")
KeysView = _Alias(collections.abc.KeysView, "KeysView")
ValuesView = _Alias(collections.abc.ValuesView, "ValuesView")
ItemsView = _Alias(collections.abc.ItemsView, "ItemsView")
MappingView = _Alias(collections.abc.MappingView, "MappingView")
ByteString = _Alias(collections.abc.ByteString, "ByteString")
Awaitable = _Alias(collections.abc.Awaitable, "Awaitable")
Coroutine = _Alias(collections.abc.Coroutine, "Coroutine")
AsyncIterable = _Alias(collections.abc.AsyncIterable, "AsyncIterable")
AsyncIterator = _Alias(collections.abc.AsyncIterator, "AsyncIterator")
AsyncGenerator = _Alias(collections.abc.AsyncGenerator, "AsyncGenerator")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """Generic[T] as a base; subclasses subscript to themselves (Stack[int] is Stack)."""

    @classmethod
    def __class_getitem__(cls, params):
        return _GenericAlias(cls, params, cls.__name__)


class Protocol(Generic):
    pass


class _NamedTupleBase:
    """What `class P(NamedTuple): x: int` becomes: fields from the annotations, a tuple's
    indexing, unpacking, len, ==, repr, _fields, _asdict, _replace, _make."""

    def __init_subclass__(cls, **kwargs):
        names = list(cls.__dict__.get("__annotations__", {}).keys())
        defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
        collections._make_tuple_class(cls, names, defaults)


def NamedTuple(typename, fields=None, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    return collections.namedtuple(typename, [name for name, _ in fields])


NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


class _TypedDictBase:
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


def TypedDict(typename, fields=None, total=True, **kwargs):
    return dict


TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    return obj


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def overload(func):
    def _overload_dummy(*args, **kwargs):
        raise NotImplementedError("You should not call an overloaded function. A series of @typing.overload-decorated "
                                  "functions outside a stub module should always be followed by an implementation "
                                  "that is not @typing.overload-ed.")

    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def runtime_checkable(cls):
    return cls


def dataclass_transform(**kwargs):
    return lambda cls: cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    # Annotations stay as their source text in initlab (never evaluated), as under PEP 563.
    hints = {}
    for klass in reversed(getattr(obj, "__mro__", (obj,))):
        hints.update(getattr(klass, "__annotations__", {}) or {})
    return hints


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, _TypedDictBase)


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


Pattern = _Alias(str, "Pattern")
Match = _Alias(str, "Match")
