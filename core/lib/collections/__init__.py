# collections: namedtuple, OrderedDict, defaultdict, Counter, deque, ChainMap.
#
# OrderedDict is a dict (initlab's dicts keep insertion order, and nn.Sequential takes one);
# the others are classes written here over a dict or a list, behaving as CPython's do for
# what model and training code calls on them.
import _initlab


class OrderedDict:
    """OrderedDict(...) makes a dict: same order, same methods (move_to_end included)."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    @classmethod
    def __instancecheck__(cls, obj):
        return isinstance(obj, dict)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        return dict.fromkeys(iterable, value)


class _DictBacked:
    """What defaultdict and Counter share: a dict in self._data behind the mapping protocol."""

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, type(self)):
            return self._data == other._data
        return self._data == other

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)


class defaultdict(_DictBacked):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __repr__(self):
        factory = "None" if self.default_factory is None else repr(self.default_factory)
        return f"defaultdict({factory}, {self._data!r})"

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)

    def clear(self):
        self._data.clear()

    def copy(self):
        return defaultdict(self.default_factory, self._data)


class Counter(_DictBacked):
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) + 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) - 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) - v

    def __getitem__(self, key):
        return self._data.get(key, 0)

    def __delitem__(self, key):
        # A Counter forgets a missing key silently.
        if key in self._data:
            del self._data[key]

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        out = []
        for k, v in self._data.items():
            out.extend([k] * v)
        return iter(out)

    def copy(self):
        return Counter(self._data)

    def __add__(self, other):
        out = Counter()
        for k in list(self._data) + [k for k in other._data if k not in self._data]:
            v = self[k] + other[k]
            if v > 0:
                out[k] = v
        return out

    def __sub__(self, other):
        out = Counter()
        for k in self._data:
            v = self[k] - other[k]
            if v > 0:
                out[k] = v
        return out

    def __repr__(self):
        if not self._data:
            return "Counter()"
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return "Counter({" + items + "})"


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n] if n else self._items

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __bool__(self):
        return len(self._items) > 0

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def keys(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return list(seen)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])


def _make_tuple_class(cls, names, defaults):
    """Gives a class the behaviour of a named tuple with these fields (namedtuple, NamedTuple)."""
    cls._fields = tuple(names)
    cls._field_defaults = dict(defaults)

    def __init__(self, *args, **kwargs):
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}.__new__() takes {len(names) + 1} positional arguments but "
                            f"{len(args) + 1} were given")
        values = list(args)
        for name in names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in defaults:
                values.append(defaults[name])
            else:
                missing = [n for n in names[len(values):] if n not in kwargs and n not in defaults]
                quoted = " and ".join(repr(n) for n in missing)
                raise TypeError(f"{cls.__name__}.__new__() missing {len(missing)} required positional argument"
                                f"{'s' if len(missing) > 1 else ''}: {quoted}")
        for name in kwargs:
            raise TypeError(f"{cls.__name__}.__new__() got an unexpected keyword argument '{name}'")
        _initlab.set_instance_attr(self, "_values", tuple(values))
        for name, value in zip(names, values):
            _initlab.set_instance_attr(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __eq__(self, other):
        if hasattr(other, "_values"):
            return self._values == other._values
        return self._values == other

    def __lt__(self, other):
        return self._values < tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + tuple(other)

    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(names, self._values)) + ")"

    def _asdict(self):
        return dict(zip(names, self._values))

    def _replace(self, **kwargs):
        values = dict(zip(names, self._values))
        for k, v in kwargs.items():
            if k not in values:
                raise ValueError(f"Got unexpected field names: {[k]!r}")
            values[k] = v
        return cls(**values)

    def _make(iterable):
        return cls(*iterable)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    for fn in (__init__, __setattr__, __iter__, __len__, __getitem__, __eq__, __lt__, __hash__, __add__,
               __repr__, _asdict, _replace, count, index):
        if fn.__name__ not in cls.__dict__ or fn.__name__ in ("__init__", "__setattr__"):
            setattr(cls, fn.__name__, fn)
    cls._make = staticmethod(_make)
    return cls


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(n) for n in field_names]
    seen = set()
    for i, name in enumerate(names):
        bad = not name.isidentifier() or name.startswith("_") or name in seen
        if bad and rename:
            names[i] = f"_{i}"
        elif bad:
            if name.startswith("_"):
                raise ValueError(f"Field names cannot start with an underscore: {name!r}")
            if name in seen:
                raise ValueError(f"Encountered duplicate field name: {name!r}")
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        seen.add(names[i])
    defaults_map = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(names):
            raise TypeError("Got more default values than field names")
        defaults_map = dict(zip(names[len(names) - len(defaults):], defaults))
    cls = type(typename, (), {"__module__": module or "__main__"})
    return _make_tuple_class(cls, names, defaults_map)
