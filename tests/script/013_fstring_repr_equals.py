s = "hi"
x = 5
print(f"{s!r} {s}")  # expect: 'hi' hi
print(f"{x=}")  # expect: x=5
print(f"{s=}")  # expect: s='hi'
print(f"{x + 1=}")  # expect: x + 1=6
ratio = 0.12345
print(f"{ratio=:.2f}")  # expect: ratio=0.12
print(f"{[s]!r}")  # expect: ['hi']
