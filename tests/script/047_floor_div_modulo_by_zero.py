def steps(total, batch):
    return total // batch


print(steps(10, 3))  # expect: 3
print(steps(10, 0))
# error: line 2: ZeroDivisionError: integer division or modulo by zero
