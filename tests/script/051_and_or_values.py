print(0 or 5, 3 or 5, 0 and 5, 3 and 5)  # expect: 5 3 0 5
print("" or "default", [] and 1, None or [], 1 and "x" or "y")  # expect: default [] [] x
def boom():
    print("evaluated")
    return True
print(False and boom())  # expect: False
print(True or boom())  # expect: True
print(True and boom())
# expect: evaluated
# expect: True
