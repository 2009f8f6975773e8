first, *rest = [1, 2, 3, 4]
print(first, rest)  # expect: 1 [2, 3, 4]
*init, last = (5, 6, 7)
print(init, last)  # expect: [5, 6] 7
a, *mid, b = range(5)
print(a, mid, b)  # expect: 0 [1, 2, 3] 4
x, *empty = [9]
print(x, empty)  # expect: 9 []
merged = [*rest, *init, 0]
print(merged)  # expect: [2, 3, 4, 5, 6, 0]
