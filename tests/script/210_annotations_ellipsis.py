# Annotations of every form are never evaluated; ... is a value.
from __future__ import annotations


def build(layers: list[int], act: Callable[..., Module] = None, *, name: "str" = "net") -> Optional[dict]:
    return {"layers": layers, "name": name}


class Spec:
    width: int
    depth: int = 4
    names: dict[str, tuple[int, ...]] = {}

    def f(self) -> Spec:
        return self


print(build([1, 2]), Spec.depth, Spec.__annotations__)
x: int
y: Sequence[float] = [1.0]
print(y, ..., type(...).__name__, Ellipsis is ...)


def stub():
    ...


print(stub())

# CPython 3.11 printed:
# expect: {'layers': [1, 2], 'name': 'net'} 4 {'width': 'int', 'depth': 'int', 'names': 'dict[str, tuple[int, ...]]'}
# expect: [1.0] Ellipsis ellipsis True
# expect: None
