a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)  # expect: True False True True
print(2 in a, 3 not in a, not 2 in a)  # expect: True True False
d = {"w": 1}
print("w" in d, 1 in d, "ell" in "hello", (1, 2) in [(1, 2)])  # expect: True False True True
x = None
print(x is None, not x, not [])  # expect: True True True
