def f(x):
    if x:
	return 1
    return 0
print(f(1))
# error: line 3: TabError: inconsistent use of tabs and spaces in indentation
