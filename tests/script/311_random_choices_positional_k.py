import random

picks = random.choices(["a", "b"], 3)
# error: line 3: TypeError: The number of choices must be a keyword argument: k=3
