s = "  Hello, World  "
print(s.strip() + "|", s.lstrip() + "|", "|" + s.rstrip())  # expect: Hello, World| Hello, World  | |  Hello, World
print("a,b,,c".split(","), "a b  c".split(), "x-y-z".split("-", 1))  # expect: ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['x', 'y-z']
print("-".join(["conv", "bn", "relu"]), "".join(["a", "b"]))  # expect: conv-bn-relu ab
print("abc".upper(), "ABC".lower(), "relu".replace("l", "L"), "aaa".replace("a", "b", 2))  # expect: ABC abc reLu bba
print("layer1.weight".startswith("layer"), "w.bias".endswith("weight"))  # expect: True False
print("{} has {} units".format("fc", 10), "{0}-{1}-{0}".format("a", "b"), "{x:.2f}".format(x=3.14159))  # expect: fc has 10 units a-b-a 3.14
print("xyx".strip("x"), "abcabc".find("c"), "abc".find("z"), "a.b.c".count("."))  # expect: y 2 -1 2
