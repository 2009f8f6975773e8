x = 1
if x:
print(x)
# error: line 3: IndentationError: expected an indented block after 'if' statement on line 2
