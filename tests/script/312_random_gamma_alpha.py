import random

x = random.gammavariate(0.0, 1.0)
# error: line 3: ValueError: gammavariate: alpha and beta must be > 0.0
