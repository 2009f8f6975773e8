import random

random.seed(1)
print(random.randrange(3, 4))  # expect: 3
random.randrange(3, 3)
# error: line 5: ValueError: empty range for randrange() (3, 3, 0)
