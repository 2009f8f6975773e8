import random

weights = {"a": 1, "b": 2}
print(random.sample(sorted(weights), 2) in (["a", "b"], ["b", "a"]))  # expect: True
random.sample(weights, 1)
# error: line 5: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
