import random

options = []
pick = random.choice(options)
# error: line 4: IndexError: Cannot choose from an empty sequence
