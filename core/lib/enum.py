# enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique. A member is an instance of its
# class made when the class is (via __init_subclass__); Color(1) and Color["RED"] find
# members, `for c in Color` and len(Color) list them (initlab's __class_iter__/__class_len__
# hooks stand where CPython's metaclass EnumType is).
import _initlab

_builtin_type = type


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter


def _is_member_name(name, value):
    if name.startswith("_"):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return not isinstance(value, (staticmethod, classmethod, property))


class Enum:
    def __init_subclass__(cls, **kwargs):
        members = {}
        names = []
        last = 0
        for name, value in list(cls.__dict__.items()):
            if not _is_member_name(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(names), [members[n]._value_ for n in names])
            alias_of = None
            for existing in names:
                if members[existing]._value_ == value:
                    alias_of = members[existing]
            if alias_of is not None:
                setattr(cls, name, alias_of)
                continue
            member = _initlab.new_instance(cls)
            _initlab.set_instance_attr(member, "_name_", name)
            _initlab.set_instance_attr(member, "_value_", value)
            _initlab.set_instance_attr(member, "__initlab_initialized__", True)
            if hasattr(cls, "__init__") and "__init__" in cls.__dict__:
                args = value if isinstance(value, tuple) else (value,)
                cls.__init__(member, *args)
            members[name] = member
            names.append(name)
            setattr(cls, name, member)
        cls._member_map_ = members
        cls._member_names_ = names
        cls._value2member_map_ = {}
        for n in names:
            try:
                cls._value2member_map_[members[n]._value_] = members[n]
            except TypeError:
                pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __new__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._functional_(value, names, module, qualname, type, start)
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    @classmethod
    def _functional_(cls, class_name, names, module, qualname, mixin, start):
        # Enum('Color', 'RED GREEN') and its other spellings: a str of names split on commas
        # and spaces, a sequence of names or of (name, value) pairs, or a mapping; plain names
        # count up from start.
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            items = list(names.items())
        else:
            items = []
            for i, entry in enumerate(names):
                items.append((entry, start + i) if isinstance(entry, str) else tuple(entry))
        namespace = dict(items)
        namespace["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            namespace["__qualname__"] = qualname
        bases = (cls,) if mixin is None else (mixin, cls)
        return _builtin_type(class_name, bases, namespace)

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __class_iter__(cls):
        return [cls._member_map_[n] for n in cls._member_names_]

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))


class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_)


class IntEnum(ReprEnum):
    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __hash__(self):
        return hash(self._value_)

    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_

    def __mul__(self, other):
        return self._value_ * other

    def __rmul__(self, other):
        return other * self._value_

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(ReprEnum):
    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return 1 << count

    def __or__(self, other):
        return self._value_ | (other._value_ if isinstance(other, Enum) else other)

    def __and__(self, other):
        return self._value_ & (other._value_ if isinstance(other, Enum) else other)


class IntFlag(Flag):
    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)


def unique(enumeration):
    seen = {}
    for name, member in enumeration.__dict__.items():
        if isinstance(member, Enum) and member._name_ != name:
            raise ValueError(f"duplicate values found in {enumeration!r}: {name} -> {member._name_}")
    return enumeration
