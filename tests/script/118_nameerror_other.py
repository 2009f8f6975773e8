def compute():
    total = 1
    return total + foo


print("start")  # expect: start
compute()
# error: line 3: NameError: name 'foo' is not defined
