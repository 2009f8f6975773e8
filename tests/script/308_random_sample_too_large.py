import random

layers = ["conv1", "conv2", "fc"]
print(len(random.sample(layers, 3)))  # expect: 3
chosen = random.sample(layers, 4)
# error: line 5: ValueError: Sample larger than population or is negative
