def make_act(name):
    if name == "relu":
        return "ReLU"
    raise ValueError(f"unknown activation: {name!r}")


print(make_act("relu"))  # expect: ReLU
make_act("swish")
# error: line 4: ValueError: unknown activation: 'swish'
