# dataclasses: the GPT-style config idiom and the rest of the module.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass
import dataclasses


@dataclass
class GPTConfig:
    block_size: int = 1024
    vocab_size: int = 50304
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768
    dropout: float = 0.0
    bias: bool = True


cfg = GPTConfig(n_layer=2, n_embd=64)
print(cfg)
print(cfg.n_layer, cfg == GPTConfig(n_layer=2, n_embd=64), cfg != GPTConfig(), asdict(cfg)["n_embd"])
print([f.name for f in fields(cfg)], is_dataclass(cfg), is_dataclass(3), replace(cfg, bias=False).bias)


@dataclass(frozen=True, order=True)
class Shape:
    c: int
    h: int = 1
    w: int = 1
    tags: list = field(default_factory=list, compare=False, repr=False)


s = Shape(3, 32, 32)
print(s, s < Shape(4), astuple(Shape(1, 2)), sorted([Shape(2), Shape(1, 5)]), hash(s) == hash(Shape(3, 32, 32)))
try:
    s.c = 5
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)


@dataclass
class Train:
    lr: float
    steps: int = 100

    def __post_init__(self):
        self.warmup = self.steps // 10


t = Train(0.1)
print(t, t.warmup)
try:
    Train()
except TypeError as e:
    print(e)


@dataclass
class Child(Train):
    momentum: float = 0.9


print(Child(0.5), [f.name for f in fields(Child)])
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print("ValueError:", str(e).split(":")[0])

# CPython 3.11 printed:
# expect: GPTConfig(block_size=1024, vocab_size=50304, n_layer=2, n_head=12, n_embd=64, dropout=0.0, bias=True)
# expect: 2 True True 64
# expect: ['block_size', 'vocab_size', 'n_layer', 'n_head', 'n_embd', 'dropout', 'bias'] True False False
# expect: Shape(c=3, h=32, w=32) True (1, 2, 1, []) [Shape(c=1, h=5, w=1), Shape(c=2, h=1, w=1)] True
# expect: frozen: cannot assign to field 'c'
# expect: Train(lr=0.1, steps=100) 10
# expect: Train.__init__() missing 1 required positional argument: 'lr'
# expect: Child(lr=0.5, steps=100, momentum=0.9) ['lr', 'steps', 'momentum']
# expect: ValueError: mutable default <class 'list'> for field xs is not allowed
