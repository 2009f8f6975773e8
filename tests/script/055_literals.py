empty_list = []
empty_tuple = ()
empty_dict = {}
single = (1,)
nested = [[1, 2], (3, [4]), {"k": (5,)}]
print(empty_list, empty_tuple, empty_dict, single)  # expect: [] () {} (1,)
print(nested)  # expect: [[1, 2], (3, [4]), {'k': (5,)}]
print([1, 2,], {"a": 1, "b": 2,}, (1, 2,))  # expect: [1, 2] {'a': 1, 'b': 2} (1, 2)
print({1: "one", 2.5: None, "s": True})  # expect: {1: 'one', 2.5: None, 's': True}
print(["it's", 'say "x"'])  # expect: ["it's", 'say "x"']
print(len(nested), type(single).__name__, type(empty_dict).__name__)  # expect: 3 tuple dict
