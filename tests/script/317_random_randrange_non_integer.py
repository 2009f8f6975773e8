import random

random.seed(0)
print(random.randrange(4.0))  # expect: 3
i = random.randrange(2.5)
# error: line 5: ValueError: non-integer arg 1 for randrange()
