# dataclasses: @dataclass (init, repr, eq, order, frozen, defaults, field(default_factory=...),
# __post_init__, inheritance), field, fields, asdict, astuple, replace, is_dataclass,
# make_dataclass, InitVar, FrozenInstanceError. Fields come from the class's annotations in
# order, as CPython reads them; a ClassVar annotation is not a field.
import copy as _copy
import _initlab

_repr = repr  # _process_class's parameter named repr hides the builtin there


class _MissingType:
    def __repr__(self):
        return "<dataclasses._MISSING_TYPE object>"


MISSING = _MissingType()
KW_ONLY = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    @classmethod
    def __class_getitem__(cls, t):
        return InitVar(t)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata or {}
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},kw_only={self.kw_only!r})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith("ClassVar") or text.startswith("typing.ClassVar")


def _is_initvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith("InitVar") or text.startswith("dataclasses.InitVar") or isinstance(annotation, InitVar)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    own = cls.__dict__
    kw_only_from_here = kw_only
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        if annotation == "KW_ONLY" or annotation == "dataclasses.KW_ONLY":
            kw_only_from_here = True
            continue
        default = own.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        f._initvar = _is_initvar(annotation)
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        for mutable in (list, dict, set):
            if isinstance(f.default, mutable):
                raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        fields[name] = f
    cls.__dataclass_fields__ = {n: f for n, f in fields.items() if not getattr(f, "_initvar", False)}
    cls.__dataclass_params__ = {"init": init, "repr": repr, "eq": eq, "order": order, "frozen": frozen}
    all_fields = list(fields.values())
    init_fields = [f for f in all_fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")
        seen_default = seen_default or has_default
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError(f"{qualname}.__init__() takes {len(positional) + 1} positional argument"
                            f"{'s' if len(positional) else ''} but {len(args) + 1} were given")
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for argument '{k}'")
            if not any(f.name == k for f in init_fields):
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument '{k}'")
            values[k] = v
        missing = [f.name for f in init_fields if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            kw = [n for n in missing if any(f.name == n and f.kw_only for f in init_fields)]
            pos = [n for n in missing if n not in kw]
            which, names = ("keyword-only", kw) if not pos else ("positional", pos)
            quoted = [_repr(n) for n in names]
            listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + (" and " if len(quoted) == 2 else ", and ") + quoted[-1]
            raise TypeError(f"{qualname}.__init__() missing {len(names)} required {which} argument"
                            f"{'s' if len(names) > 1 else ''}: {listed}")
        initvars = []
        for f in all_fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if getattr(f, "_initvar", False):
                initvars.append(value)
                continue
            if frozen:
                _initlab.set_instance_attr(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if hasattr(self, "__post_init__"):
            self.__post_init__(*initvars)

    def __repr__(self):
        shown = [f for f in cls.__dataclass_fields__.values() if f.repr]
        return qualname + "(" + ", ".join(f.name + "=" + _repr(getattr(self, f.name)) for f in shown) + ")"

    def _key(self):
        return tuple(getattr(self, f.name) for f in cls.__dataclass_fields__.values() if f.compare)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return _key(self) == _key(other)

    def _ordering(op):
        def compare(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return op(_key(self), _key(other))
        return compare

    def __setattr__(self, name, value):
        if name in cls.__dataclass_fields__:
            raise FrozenInstanceError(f"cannot assign to field '{name}'")
        _initlab.set_instance_attr(self, name, value)

    def __hash__(self):
        return hash(_key(self))

    if init and "__init__" not in own:
        cls.__init__ = __init__
    if repr and "__repr__" not in own:
        cls.__repr__ = __repr__
    if eq and "__eq__" not in own:
        cls.__eq__ = __eq__
    if order:
        cls.__lt__ = _ordering(lambda a, b: a < b)
        cls.__le__ = _ordering(lambda a, b: a <= b)
        cls.__gt__ = _ordering(lambda a, b: a > b)
        cls.__ge__ = _ordering(lambda a, b: a >= b)
    if frozen:
        cls.__setattr__ = __setattr__
    if unsafe_hash or (frozen and eq):
        cls.__hash__ = __hash__
    cls.__match_args__ = tuple(f.name for f in positional)
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(found.values())


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_asdict_inner(getattr(obj, f.name), dict) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = "typing.Any"
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = annotations
    return dataclass(type(cls_name, bases, ns), **kwargs)
