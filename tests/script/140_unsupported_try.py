x = 1
try:
    x = 2
except ValueError:
    x = 3
# error: line 2: NotImplementedError: not supported in initlab: try statements
