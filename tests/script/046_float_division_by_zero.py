x = 1.5
print(x * 2)  # expect: 3.0
y = x / 0.0
# error: line 3: ZeroDivisionError: float division by zero
