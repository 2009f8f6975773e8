xs = [0, 1, 2, 3, 4, 5]
print(xs[0], xs[-1], xs[-2])  # expect: 0 5 4
print(xs[1:4], xs[:2], xs[4:], xs[-2:])  # expect: [1, 2, 3] [0, 1] [4, 5] [4, 5]
print(xs[::2], xs[::-1], xs[5:1:-2], xs[10:])  # expect: [0, 2, 4] [5, 4, 3, 2, 1, 0] [5, 3] []
t = (10, 20, 30)
print(t[1], t[-1], t[:2])  # expect: 20 30 (10, 20)
s = "initlab"
print(s[0], s[-3:], s[::-1], s[1:5:2])  # expect: i lab baltini nt
d = {"a": [1, 2], (1, 2): "tuple key"}
print(d["a"][-1], d[(1, 2)], d[1, 2])  # expect: 2 tuple key tuple key
