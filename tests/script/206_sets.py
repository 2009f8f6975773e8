# Sets and frozensets: literals, comprehensions, methods, operators.
a = {3, 1, 2, 3}
b = set([2, 3, 4])
print(sorted(a), len(a), 2 in a, 5 not in a)
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, a < a, a >= {1}, a == {1, 2, 3})
s = set()
s.add("conv")
s.add("conv")
s.update(["bn", "relu"])
s.discard("missing")
s.remove("relu")
print(sorted(s), len(s), bool(set()), repr(set()))
print(sorted({x % 3 for x in range(10)}))
f = frozenset([1, 2])
print(f, type(f).__name__, f | {3} == {1, 2, 3}, {f: "hashable"}[frozenset({2, 1})])
print(sorted(a.union([9], [8])), sorted(a.intersection(b)), sorted(a.difference(b)), a.isdisjoint({7}))
print(a.issubset(range(5)), {1}.issuperset([1]), sorted(set("hello")))
seen = set()
for name in ["w", "b", "w"]:
    if name in seen:
        print("duplicate", name)
    seen.add(name)
print({1, 2} == {2, 1}, {(1, 2), (1, 2)})
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)

# CPython 3.11 printed:
# expect: [1, 2, 3] 3 True True
# expect: [1, 2, 3, 4] [2, 3] [1] [1, 4]
# expect: True False True True
# expect: ['bn', 'conv'] 2 False set()
# expect: [0, 1, 2]
# expect: frozenset({1, 2}) frozenset True hashable
# expect: [1, 2, 3, 8, 9] [2, 3] [1] True
# expect: True True ['e', 'h', 'l', 'o']
# expect: duplicate w
# expect: True {(1, 2)}
# expect: unhashable type: 'list'
# expect: KeyError 'pop from an empty set'
