total = (1 +
         2 +
    3)
items = [
    10,
    20,  # comment inside brackets
        30,
]
d = {'a': 1,
     'b': 2}
def add(a,
        b):
    return a + b
print(total, items, d, add(1,
                            2))  # expect: 6 [10, 20, 30] {'a': 1, 'b': 2} 3
