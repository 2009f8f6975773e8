import random

rng = random.Random(1, 2)
# error: line 3: TypeError: Random.__init__() takes from 1 to 2 positional arguments but 3 were given
