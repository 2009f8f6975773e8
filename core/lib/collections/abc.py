# collections.abc: the abstract container classes, with isinstance checks that answer as
# CPython's do for builtin values (a list is a Sequence and a MutableSequence, a dict a Mapping)
# and for classes that define the protocol methods where CPython checks structurally
# (Iterable, Sized, Container, Callable, Hashable, Iterator).
import _initlab


def _has(obj, *names):
    return all(hasattr(type(obj), n) or hasattr(obj, n) for n in names)


class _ABCBase:
    _builtin_types = ()
    _methods = ()

    # Only the abstract classes themselves answer for builtin types and protocol methods; a
    # user's subclass of Sequence is checked by its class tree, as in CPython.
    @classmethod
    def __instancecheck__(cls, obj):
        own = cls.__dict__
        if "_builtin_types" in own and isinstance(obj, cls._builtin_types):
            return True
        if "_methods" in own and cls._methods and _initlab.kind(obj) == "instance" and _has(obj, *cls._methods):
            return True
        return _initlab.nominal_isinstance(obj, cls)

    @classmethod
    def __subclasscheck__(cls, sub):
        if "_builtin_types" in cls.__dict__ and sub in cls._builtin_types:
            return True
        return _initlab.nominal_issubclass(sub, cls)

    @classmethod
    def __class_getitem__(cls, params):
        return cls

    @classmethod
    def register(cls, subclass):
        return subclass


class Hashable(_ABCBase):
    _builtin_types = (int, float, str, bool, tuple, frozenset)
    _methods = ("__hash__",)


class Iterable(_ABCBase):
    _builtin_types = (list, tuple, str, dict, set, frozenset, range)
    _methods = ("__iter__",)


class Iterator(Iterable):
    _builtin_types = ()
    _methods = ("__iter__", "__next__")

    @classmethod
    def __instancecheck__(cls, obj):
        if _initlab.kind(obj) in ("iterator", "generator", "list_iterator", "zip", "map", "enumerate", "filter",
                                   "tuple_iterator", "dict_keyiterator", "str_ascii_iterator", "list_reverseiterator"):
            return True
        return super().__instancecheck__(obj)


class Reversible(Iterable):
    _builtin_types = (list, tuple, str, range, dict)
    _methods = ("__reversed__", "__iter__")


class Generator(Iterator):
    _builtin_types = ()
    _methods = ("send", "throw", "__next__")

    @classmethod
    def __instancecheck__(cls, obj):
        return _initlab.kind(obj) == "generator" or _initlab.nominal_isinstance(obj, cls)


class Sized(_ABCBase):
    _builtin_types = (list, tuple, str, dict, set, frozenset, range)
    _methods = ("__len__",)


class Container(_ABCBase):
    _builtin_types = (list, tuple, str, dict, set, frozenset, range)
    _methods = ("__contains__",)


class Collection(Sized, Iterable, Container):
    _builtin_types = (list, tuple, str, dict, set, frozenset, range)
    _methods = ("__len__", "__iter__", "__contains__")


class Callable(_ABCBase):
    @classmethod
    def __instancecheck__(cls, obj):
        return callable(obj) or _initlab.nominal_isinstance(obj, cls)


class Sequence(Reversible, Collection):
    _builtin_types = (list, tuple, str, range)
    _methods = ()

    def index(self, value):
        for i, v in enumerate(self):
            if v == value:
                return i
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v == value)

    def __contains__(self, value):
        return any(v == value for v in self)

    def __iter__(self):
        i = 0
        while True:
            try:
                v = self[i]
            except IndexError:
                return
            yield v
            i += 1


class MutableSequence(Sequence):
    _builtin_types = (list,)


class ByteString(Sequence):
    _builtin_types = ()


class Set(Collection):
    _builtin_types = (set, frozenset)
    _methods = ()


class MutableSet(Set):
    _builtin_types = (set,)


class Mapping(Collection):
    _builtin_types = (dict,)
    _methods = ()

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return list(iter(self))

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]


class MutableMapping(Mapping):
    _builtin_types = (dict,)

    def update(self, other=(), **kwargs):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)


class MappingView(Sized):
    pass


class KeysView(MappingView, Set):
    pass


class ItemsView(MappingView, Set):
    pass


class ValuesView(MappingView, Collection):
    pass


class Awaitable(_ABCBase):
    _methods = ("__await__",)


class Coroutine(Awaitable):
    pass


class AsyncIterable(_ABCBase):
    _methods = ("__aiter__",)


class AsyncIterator(AsyncIterable):
    pass


class AsyncGenerator(AsyncIterator):
    pass
