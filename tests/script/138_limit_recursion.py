def f(n): return f(n + 1)
print("calling")  # expect: calling
f(0)
# error: line 1: RecursionError: maximum recursion depth exceeded (100 nested calls); raise the max_depth limit to allow more
