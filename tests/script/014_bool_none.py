a = True
b = False
c = None
print(a, b, c)  # expect: True False None
print(a and b, a or b, not a)  # expect: False True False
print(c is None, c == None, b is not None)  # expect: True True True
print(True + True, True * 3, False - 1)  # expect: 2 3 -1
print(bool(c), bool(0), bool(""), bool([0]))  # expect: False False False True
