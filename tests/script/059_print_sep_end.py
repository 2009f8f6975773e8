print(1, 2, 3, sep=", ")  # expect: 1, 2, 3
print("a", "b", sep="")  # expect: ab
print("no newline", end="")
print(" -> joined")  # expect: no newline -> joined
print("x", end="|")
print("y", "z", sep="-", end="!\n")  # expect: x|y-z!
print(*[1, 2, 3])  # expect: 1 2 3
print("tab", "sep", sep="\t")  # expect: tab	sep
