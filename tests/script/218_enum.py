# enum: Enum, IntEnum, auto, lookup by value and name, iteration.
from enum import Enum, IntEnum, auto


class Init(Enum):
    KAIMING = "kaiming"
    XAVIER = "xavier"
    ORTHOGONAL = "orthogonal"


class Mode(IntEnum):
    TRAIN = 1
    EVAL = 2


class Act(Enum):
    RELU = auto()
    TANH = auto()


print(Init.KAIMING, repr(Init.XAVIER), Init("orthogonal"), Init["KAIMING"], Init.KAIMING.value, Init.XAVIER.name)
print([m.name for m in Init], len(Init), Init.KAIMING is Init("kaiming"), Init.KAIMING == Init.XAVIER)
print(Mode.TRAIN == 1, Mode.EVAL > Mode.TRAIN, int(Mode.EVAL) + 1, Act.RELU.value, Act.TANH.value, list(Act))
print(isinstance(Init.KAIMING, Init), type(Mode.TRAIN).__name__, {Init.KAIMING: 1}[Init.KAIMING])
try:
    Init("lecun")
except ValueError as e:
    print(e)

# CPython 3.11 printed:
# expect: Init.KAIMING <Init.XAVIER: 'xavier'> Init.ORTHOGONAL Init.KAIMING kaiming XAVIER
# expect: ['KAIMING', 'XAVIER', 'ORTHOGONAL'] 3 True False
# expect: True True 3 1 2 [<Act.RELU: 1>, <Act.TANH: 2>]
# expect: True Mode 1
# expect: 'lecun' is not a valid Init
