sq = {n: n * n for n in range(4)}
print(sq)  # expect: {0: 0, 1: 1, 2: 4, 3: 9}
names = ["conv", "bn", "fc"]
print({name: i for i, name in enumerate(names) if name != "bn"})  # expect: {'conv': 0, 'fc': 2}
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)  # expect: {1: 'a', 2: 'b'}
