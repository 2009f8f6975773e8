def sign(v):
    return "pos" if v > 0 else "neg" if v < 0 else "zero"


print(sign(3), sign(-2), sign(0))  # expect: pos neg zero
bias = False
n = 10 * 3 + (10 if bias else 0)
print(n)  # expect: 30
print([x if x % 2 else -x for x in range(4)])  # expect: [0, 1, -2, 3]
