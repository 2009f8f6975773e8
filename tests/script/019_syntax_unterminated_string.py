a = 1
s = "hello
print(s)
# error: line 2: SyntaxError: unterminated string literal (detected at line 2)
