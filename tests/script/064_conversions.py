print(int("42"), int(3.9), int(-3.9), int(True), int("-7"))  # expect: 42 3 -3 1 -7
print(float("1.5"), float(2), float("1e-3"), float("inf"), float("-inf"))  # expect: 1.5 2.0 0.001 inf -inf
print(str(12) + str(1.0) + str(None), str([1, "a"]))  # expect: 121.0None [1, 'a']
print(list("abc"), list((1, 2)), list({"k": 1}))  # expect: ['a', 'b', 'c'] [1, 2] ['k']
print(tuple([1, 2]), tuple("hi"), tuple(range(3)))  # expect: (1, 2) ('h', 'i') (0, 1, 2)
print(dict([("a", 1), ("b", 2)]), dict(x=1, y=2))  # expect: {'a': 1, 'b': 2} {'x': 1, 'y': 2}
print(bool(1), bool(0.0), bool("0"), bool({}), bool(None))  # expect: True False True False False
