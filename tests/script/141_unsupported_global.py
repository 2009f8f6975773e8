counter = 0
def bump():
    global counter
    counter += 1
bump()
# error: line 3: NotImplementedError: not supported in initlab: global statements
