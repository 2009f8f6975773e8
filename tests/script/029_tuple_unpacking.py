a, b = 1, 2
a, b = b, a
print(a, b)  # expect: 2 1
(x, y), z = (3, 4), 5
print(x, y, z)  # expect: 3 4 5
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p + q)
# expect: 0 3
# expect: 1 7
t = 7, 8
m, n = t
print(t, m * n)  # expect: (7, 8) 56
[u, v] = "ab"
print(u, v)  # expect: a b
