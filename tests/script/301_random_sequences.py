import random

random.seed(7)
deck = list(range(10))
print(random.shuffle(deck))  # expect: None
print(deck)  # expect: [8, 3, 1, 4, 7, 0, 9, 6, 2, 5]
words = ["relu", "tanh", "gelu", "silu", "elu"]
random.shuffle(words)
print(words)  # expect: ['silu', 'gelu', 'relu', 'tanh', 'elu']
one = [1]
random.shuffle(one)
print(one, random.random())  # expect: [1] 0.4336456836623859
print(random.sample(range(100), 5))  # expect: [8, 30, 11, 70, 54]
print(random.sample(["a", "b", "c", "d"], 4))  # expect: ['a', 'c', 'd', 'b']
print(random.sample("initlab", 3))  # expect: ['a', 'b', 'l']
print(random.sample(range(1000000), 8))  # expect: [993744, 64867, 605136, 613984, 415949, 51998, 231821, 48845]
print(random.sample(range(50), k=20))  # expect: [35, 8, 18, 26, 9, 34, 7, 36, 19, 49, 11, 6, 37, 42, 12, 23, 38, 4, 3, 41]
print(random.sample(["red", "blue"], counts=[4, 2], k=5))  # expect: ['red', 'red', 'blue', 'blue', 'red']
print(random.sample((1, 2, 3), 0))  # expect: []
print(random.choices(["x", "y", "z"], k=6))  # expect: ['y', 'y', 'x', 'z', 'z', 'x']
print(random.choices(range(4), [1, 2, 3, 4], k=8))  # expect: [2, 2, 3, 3, 1, 3, 1, 2]
print(random.choices(range(4), weights=[0.1, 0.2, 0.3, 0.4], k=5))  # expect: [3, 1, 2, 0, 3]
print(random.choices("abc", cum_weights=[1, 1, 10], k=6))  # expect: ['c', 'c', 'c', 'c', 'c', 'c']
print(random.choices([True, False]))  # expect: [False]
print(random.choices([], k=0))  # expect: []
nested = [[1, 2], [3, 4], [5, 6]]
random.shuffle(nested)
print(nested)  # expect: [[5, 6], [1, 2], [3, 4]]
