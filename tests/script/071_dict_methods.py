d = {"lr": 0.01, "momentum": 0.9}
print(list(d.keys()), list(d.values()))  # expect: ['lr', 'momentum'] [0.01, 0.9]
print(list(d.items()))  # expect: [('lr', 0.01), ('momentum', 0.9)]
print(d.get("lr"), d.get("wd"), d.get("wd", 0.0))  # expect: 0.01 None 0.0
d.update({"wd": 1e-4, "lr": 0.1})
print(d)  # expect: {'lr': 0.1, 'momentum': 0.9, 'wd': 0.0001}
print(d.pop("momentum"), d.pop("nope", "dflt"), d)  # expect: 0.9 dflt {'lr': 0.1, 'wd': 0.0001}
d.update(beta=2)
print(len(d), "beta" in d, d.keys())  # expect: 3 True dict_keys(['lr', 'wd', 'beta'])
print(d.setdefault("lr", 5), d.setdefault("new", 5))  # expect: 0.1 5
