import random

sizes = (32, 64, 128)
random.shuffle(sizes)
# error: line 4: TypeError: 'tuple' object does not support item assignment
