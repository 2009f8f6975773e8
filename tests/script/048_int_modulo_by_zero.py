n = 7
print(n % 4)  # expect: 3
r = n % 0
# error: line 3: ZeroDivisionError: integer modulo by zero
