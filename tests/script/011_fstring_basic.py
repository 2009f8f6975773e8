name = "conv1"
n = 3
w = [1, 2, 3]
print(f"{name} has {n} params")  # expect: conv1 has 3 params
print(f"{n * 2 + 1} {w[0]} {len(w)} {name.upper()}")  # expect: 7 1 3 CONV1
print(f'{{literal}} {n}')  # expect: {literal} 3
print(f"{'yes' if n > 2 else 'no'}")  # expect: yes
print(F"{1.5} {None} {True} {w}")  # expect: 1.5 None True [1, 2, 3]
