import random

print(random.getrandbits(0))  # expect: 0
random.getrandbits(-1)
# error: line 4: ValueError: number of bits must be non-negative
