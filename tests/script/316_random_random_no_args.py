import random

x = random.random(10)
# error: line 3: TypeError: Random.random() takes no arguments (1 given)
