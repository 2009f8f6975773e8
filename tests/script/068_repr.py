print(repr("a'b"), repr('x"y'), repr("tab\t"))  # expect: "a'b" 'x"y' 'tab\t'
print(repr(1.0), repr(0.1), repr(None), repr([1, 'a']))  # expect: 1.0 0.1 None [1, 'a']
print(repr((1,)), repr({'k': 'v'}), repr(True))  # expect: (1,) {'k': 'v'} True
print(str("q"), repr("q"), [repr("q")])  # expect: q 'q' ["'q'"]
print(repr("back\\slash"), repr("new\nline"))  # expect: 'back\\slash' 'new\nline'
