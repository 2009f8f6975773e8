a = 10
b = 0
print(a // 3)  # expect: 3
print(a / b)
# error: line 4: ZeroDivisionError: division by zero
