def f():
        a = 1
    return a
# error: line 3: IndentationError: unindent does not match any outer indentation level
