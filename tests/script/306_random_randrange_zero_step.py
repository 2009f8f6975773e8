import random

random.randrange(0, 10, 0)
# error: line 3: ValueError: zero step for randrange()
