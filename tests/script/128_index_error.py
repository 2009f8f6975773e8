layers = [16, 32, 64]
print(layers[-3])  # expect: 16
for i in range(4):
    print(layers[i])
# expect: 16
# expect: 32
# expect: 64
# error: line 4: IndexError: list index out of range
