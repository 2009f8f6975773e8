acc = []
for i in range(3):
    acc.append(i)
for i in range(10, 4, -3):
    acc.append(i)
for w in ["a", "b"]:
    acc.append(w)
for t in (1.5, None):
    acc.append(t)
print(acc)  # expect: [0, 1, 2, 10, 7, 'a', 'b', 1.5, None]
for ch in "hi":
    print(ch)
# expect: h
# expect: i
print(i)  # expect: 7
