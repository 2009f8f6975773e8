for i, ch in enumerate("ab", start=1):
    print(i, ch)
# expect: 1 a
# expect: 2 b
print(list(enumerate([10, 20], 5)))  # expect: [(5, 10), (6, 20)]
print(list(zip([1, 2, 3], "ab")))  # expect: [(1, 'a'), (2, 'b')]
print(list(zip(range(2), [3, 4], (5, 6))))  # expect: [(0, 3, 5), (1, 4, 6)]
a, b = zip(*[(1, 'x'), (2, 'y')])
print(a, b)  # expect: (1, 2) ('x', 'y')
