print([x * x for x in range(5)])  # expect: [0, 1, 4, 9, 16]
print([x for x in range(10) if x % 3 == 0])  # expect: [0, 3, 6, 9]
print([(i, j) for i in range(3) for j in range(i)])  # expect: [(1, 0), (2, 0), (2, 1)]
print([[r * 3 + c for c in range(3)] for r in range(2)])  # expect: [[0, 1, 2], [3, 4, 5]]
print([w.upper() for w in "a b c".split() if w != "b"])  # expect: ['A', 'C']
x = 100
print([x for x in range(2)], x)  # expect: [0, 1] 100
