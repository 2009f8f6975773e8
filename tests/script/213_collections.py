# collections: OrderedDict (a dict), namedtuple, defaultdict, Counter, deque.
from collections import OrderedDict, namedtuple, defaultdict, Counter, deque
import collections.abc

od = OrderedDict([("conv", 1), ("bn", 2)])
od["relu"] = 3
od.move_to_end("conv")
print(list(od.keys()), isinstance(od, OrderedDict), isinstance(od, dict), od == {"bn": 2, "relu": 3, "conv": 1})
Point = namedtuple("Point", ["x", "y"])
Spec = namedtuple("Spec", "width depth act", defaults=["relu"])
p = Point(3, y=4)
s = Spec(16, 4)
print(p, s, p.x + p.y, p[0], list(p), s._replace(depth=8), Point._make([7, 8]), Spec._fields)
x, y = p
print(x, y, p == Point(3, 4), s.act, hash(p) == hash(Point(3, 4)))
try:
    Point(1)
except TypeError as e:
    print(e)
counts = defaultdict(int)
for w in "the cat the hat the".split():
    counts[w] += 1
groups = defaultdict(list)
groups["a"].append(1)
print(dict(counts), counts["missing"], sorted(counts.items()), dict(groups), len(counts))
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sum(c.values()), sorted(c.elements())[:4])
c.update("aaz")
print(c["a"], c["z"], Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=1))
q = deque([1, 2, 3], maxlen=3)
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), len(q), list(q))
d = deque()
d.extend([1, 2, 3])
d.rotate(1)
print(d, 2 in d, d[0])
print(isinstance(od, collections.abc.Mapping), isinstance([], collections.abc.MutableSequence))

# CPython 3.11 printed:
# expect: ['bn', 'relu', 'conv'] True True True
# expect: Point(x=3, y=4) Spec(width=16, depth=4, act='relu') 7 3 [3, 4] Spec(width=16, depth=8, act='relu') Point(x=7, y=8) ('width', 'depth', 'act')
# expect: 3 4 True relu True
# expect: Point.__new__() missing 1 required positional argument: 'y'
# expect: {'the': 3, 'cat': 1, 'hat': 1} 0 [('cat', 1), ('hat', 1), ('missing', 0), ('the', 3)] {'a': [1]} 4
# expect: [('a', 5), ('b', 2)] 5 0 11 ['a', 'a', 'a', 'a']
# expect: 7 1 Counter({'a': 4, 'b': 3}) Counter({'a': 2})
# expect: deque([2], maxlen=3) 0 3 1 [2]
# expect: deque([3, 1, 2]) True 3
# expect: True True
