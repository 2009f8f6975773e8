print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max(1.5, 2))  # expect: 1 9 a 2
words = ["conv", "bn", "linear"]
print(max(words, key=len), min(words, key=len), max(words))  # expect: linear bn linear
print(min([(2, 'a'), (1, 'z')]), max({"x": 1, "y": 0}))  # expect: (1, 'z') y
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum(range(5), 10), sum([]))  # expect: 6 0.75 20 0
print(abs(-3), abs(2.5), abs(-0.0), abs(True))  # expect: 3 2.5 0.0 1
