x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)  # expect: True False True
print(1 == 1.0, 2 != 2, "a" < "b" < "c")  # expect: True False True
print([1, 2] < [1, 3], (1, 2) == (1, 2), 3 >= 3 > 2)  # expect: True True True
calls = []
def val(v):
    calls.append(v)
    return v
print(val(3) < val(1) < val(2), calls)  # expect: False [3, 1]
