# abc: abstract base classes.
from abc import ABC, ABCMeta, abstractmethod


class Initializer(ABC):
    @abstractmethod
    def __call__(self, tensor):
        ...

    def describe(self):
        return type(self).__name__


class Zeros(Initializer):
    def __call__(self, tensor):
        return [0 for _ in tensor]


class Meta(metaclass=ABCMeta):
    pass


print(Zeros()([1, 2]), Zeros().describe(), isinstance(Zeros(), Initializer), Meta() is not None)
try:
    Initializer()
except TypeError as e:
    print(e)

# CPython 3.11 printed:
# expect: [0, 0] Zeros True True
# expect: Can't instantiate abstract class Initializer with abstract method __call__
