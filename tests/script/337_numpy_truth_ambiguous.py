import numpy as np

x = np.array([0.5, -0.5])
if x.any():
    print("some")
if x > 0:
    print("all")
# expect: some
# error: line 6: ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()
