import numpy as np

print(np.random.RandomState(3).randint(1, 2))
x = np.random.normal(0.0, -1.0, size=3)
# expect: 1
# error: line 4: ValueError: scale < 0
