sizes = {1, 2}
# error: line 1: NotImplementedError: not supported in initlab: set literals
