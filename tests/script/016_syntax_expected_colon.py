x = 3
if x > 2
    print(x)
# error: line 2: SyntaxError: expected ':'
