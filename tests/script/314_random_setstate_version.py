import random

state = random.getstate()
random.setstate((4, state[1], None))
# error: line 4: ValueError: state with version 4 passed to Random.setstate() of version 3
