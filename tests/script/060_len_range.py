print(len([1, 2, 3]), len("abcd"), len({"a": 1}), len(()), len(range(2, 10, 3)))  # expect: 3 4 1 0 3
print(list(range(4)), list(range(2, 5)), list(range(10, 0, -4)))  # expect: [0, 1, 2, 3] [2, 3, 4] [10, 6, 2]
print(list(range(0)), list(range(5, 2)))  # expect: [] []
r = range(1, 7, 2)
print(r, r[1], r[-1], 5 in r, 4 in r)  # expect: range(1, 7, 2) 3 5 True False
