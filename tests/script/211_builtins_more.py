# Builtins model files reach for.
class P:
    def __init__(self):
        self.a = 1
        self.b = "x"


p = P()
print(vars(p), p.__dict__, p.__class__.__name__, type(p).__name__, P.__name__)
print(callable(print), callable(P), callable(3), hash(7), hash(-1), hash(True), hash(2.0) == hash(2))
print(divmod(17, 5), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -1))
print(chr(65), ord("a"), chr(0x263A) == "\u263a", int("ff", 16), int("0b101", 0), int("  42 "), int("-17", 8))
print(bin(10), oct(8), hex(255), hex(-1), ascii("a"), format(3.14159, ".2f"), format(42, "08b"))
print("%d items, %.3f loss, %s, %r, %5.1f%%" % (3, 0.12345, "ok", "q", 99.5))
print("{:>6}|{:<4}|{:^5}|{:+d}".format("ab", "c", "d", 5), "{0}-{1}-{0}".format("a", "b"), "{x}".format(x=1))
print(isinstance(3, (int, float)), isinstance("s", (list, tuple)), issubclass(bool, int), issubclass(P, object))
delattr(p, "b")
print(hasattr(p, "b"), getattr(p, "a"), setattr(p, "c", 3), p.c)
print(sorted(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], reverse=True), list(filter(None, [0, 1, "", "a"])))
print(min([3, 1, 2]), max("abc"), min([], default=0), max([1, 5, 3], key=lambda v: -v), sum([0.1] * 3), abs(-2.5))
print(round(2.675, 2), round(2.5), round(3.5), round(-0.5), any([]), all([]), list(zip(*[(1, 2), (3, 4)])))
print("a,b,,c".split(","), " x ".strip(), "Conv2d".lower(), "relu".upper(), "ab".join("xyz"), "a-b".replace("-", "_"))
print("model.layer1".rsplit(".", 1), "weight".startswith(("w", "b")), "x".zfill(3), "abc".center(7, "*"))
print("%s" % [1, 2], "{!r}".format("s"), f"{'x'!r:>5}", "ab".ljust(4, ".") + "|", "AbC".swapcase(), "a b".title())
print("hello world".partition(" "), "a\tb".expandtabs(4), "42".isdigit(), "ab".isalpha(), " ".isspace(), "Ab".istitle())
print([1, 2, 3].index(2), [1, 1, 2].count(1), (1, 2) + (3,), [0] * 3, "ab" * 2, list(range(10)[2:8:3]))
print(dict.fromkeys(["a", "b"], 0), {"a": 1}.get("b", 2), {**{"a": 1}, "b": 2}, dict(zip("ab", range(2))))
d = {"x": 1}
d.setdefault("y", []).append(5)
print(d, d.pop("x"), d.popitem(), d)
print(str(1e-5), str(1e16), str(0.1 + 0.2), repr(1.0), 10 / 4, 7 // 2, -7 // 2, 7 % -3, 2 ** -1, 1e300 * 1e10)
print(int(3.9), int(-3.9), float("1e3"), float("-inf"), bool([]), str(None), list("ab"), tuple([1]))

# CPython 3.11 printed:
# expect: {'a': 1, 'b': 'x'} {'a': 1, 'b': 'x'} P P P
# expect: True True False 7 -2 1 True
# expect: (3, 2) (-4, 1) (3.0, 1.5) 1024 1 1 0.5
# expect: A 97 True 255 5 42 -15
# expect: 0b1010 0o10 0xff -0x1 'a' 3.14 00101010
# expect: 3 items, 0.123 loss, ok, 'q',  99.5%
# expect:     ab|c   |  d  |+5 a-b-a 1
# expect: True False True True
# expect: False 1 None 3
# expect: ['A', 'b', 'c'] [3, 2, 1] [1, 'a']
# expect: 1 c 0 1 0.30000000000000004 2.5
# expect: 2.67 2 4 0 False True [(1, 3), (2, 4)]
# expect: ['a', 'b', '', 'c'] x conv2d RELU xabyabz a_b
# expect: ['model', 'layer1'] True 00x **abc**
# expect: [1, 2] 's'   'x' ab..| aBc A B
# expect: ('hello', ' ', 'world') a   b True True True True
# expect: 1 2 (1, 2, 3) [0, 0, 0] abab [2, 5]
# expect: {'a': 0, 'b': 0} 2 {'a': 1, 'b': 2} {'a': 0, 'b': 1}
# expect: {} 1 ('y', [5]) {}
# expect: 1e-05 1e+16 0.30000000000000004 1.0 2.5 3 -4 -2 0.5 inf
# expect: 3 -3 1000.0 -inf False None ['a', 'b'] (1,)
