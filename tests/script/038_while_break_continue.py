i = 0
out = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    out.append(i)
print(out, i)  # expect: [1, 3, 5, 7] 9
n = 3
while n:
    n -= 1
print(n)  # expect: 0
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b)
# expect: 1 0
# expect: 2 0
# expect: 2 1
