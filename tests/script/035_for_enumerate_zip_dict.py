names = ["conv", "fc"]
sizes = [3, 10]
for i, n in enumerate(names):
    print(i, n)
# expect: 0 conv
# expect: 1 fc
for n, s in zip(names, sizes):
    print(n, s)
# expect: conv 3
# expect: fc 10
d = {"lr": 0.1, "epochs": 5}
for k in d:
    print(k, d[k])
# expect: lr 0.1
# expect: epochs 5
for k, v in d.items():
    print(f"{k}={v}")
# expect: lr=0.1
# expect: epochs=5
