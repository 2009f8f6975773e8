import random

rate = 0
wait = random.expovariate(rate)
# error: line 4: ZeroDivisionError: float division by zero
