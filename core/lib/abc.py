# abc: ABC, ABCMeta and abstractmethod. A class with abstract methods left refuses to be
# instantiated with CPython's message; ABCMeta is accepted as metaclass= (define_class).
import _initlab


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_names(cls):
    names = []
    seen = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items() if hasattr(klass, "__dict__") else ():
            if name in seen:
                continue
            seen.add(name)
            target = value
            if isinstance(value, (staticmethod, classmethod)):
                target = value.__func__
            elif isinstance(value, property):
                target = value.fget
            if getattr(target, "__isabstractmethod__", False):
                names.append(name)
    return sorted(names)


class ABCMeta:
    """Stands for the metaclass: `class X(metaclass=ABCMeta)` behaves as `class X(ABC)`."""

    @classmethod
    def register(cls, subclass):
        return subclass


class ABC:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        missing = _abstract_names(cls)
        if missing:
            s = "s" if len(missing) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} "
                            + ", ".join(missing))
        return _initlab.new_instance(cls)

    @classmethod
    def register(cls, subclass):
        return subclass


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget):
    fget.__isabstractmethod__ = True
    return property(fget)


def get_cache_token():
    return 0
