x = 1
    y = 2
print(x)
# error: line 2: IndentationError: unexpected indent
