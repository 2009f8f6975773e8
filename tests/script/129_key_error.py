cfg = {"lr": 0.1, "epochs": 3}
print(cfg["lr"])  # expect: 0.1
print(cfg["momentum"])
# error: line 3: KeyError: 'momentum'
