# typing as model files use it at run time.
from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional, Sequence, Tuple, TypeVar, Union,
                    Iterable, Mapping, cast, overload, get_type_hints, TYPE_CHECKING, Type, ClassVar)
import typing

if TYPE_CHECKING:
    import not_a_real_module

print(Optional[int], List[int], Dict[str, float], Tuple[int, ...], Callable[..., int], Union[int, str])
print(isinstance([1], Sequence), isinstance((1,), Sequence), isinstance({}, Sequence), isinstance("s", Sequence))
print(isinstance({}, Mapping), isinstance([1], Iterable), isinstance(3, Iterable), isinstance(len, Callable))
print(cast(int, "x"), typing.Any, List, TYPE_CHECKING)
T = TypeVar("T")
K = TypeVar("K", bound=int)


class Registry(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def add(self, item: T) -> "Registry[T]":
        self.items.append(item)
        return self


r = Registry[int]().add(3).add(4)
print(T, K, type(r).__name__, r.items)


class Pair(NamedTuple):
    left: int
    right: int = 0


p = Pair(1)
a, b = Pair(5, 6)
print(p, p.right, p._fields, a + b, Pair(1, 2) == (1, 2), len(p), p._asdict())


def act(x: Union[int, float], f: Optional[Callable[[int], int]] = None) -> Any:
    return f(x) if f else x


print(act(2), act(2, lambda v: v * 10))


class Config:
    width: int = 8
    scale: ClassVar[float] = 1.0


print(list(get_type_hints(Config)), Type[int])

# CPython 3.11 printed:
# expect: typing.Optional[int] typing.List[int] typing.Dict[str, float] typing.Tuple[int, ...] typing.Callable[..., int] typing.Union[int, str]
# expect: True True False True
# expect: True True False True
# expect: x typing.Any typing.List False
# expect: ~T ~K Registry [3, 4]
# expect: Pair(left=1, right=0) 0 ('left', 'right') 11 True 2 {'left': 1, 'right': 0}
# expect: 2 20
# expect: ['width', 'scale'] typing.Type[int]
