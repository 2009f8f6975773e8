import random

n = random.randint(10)
# error: line 3: TypeError: Random.randint() missing 1 required positional argument: 'b'
