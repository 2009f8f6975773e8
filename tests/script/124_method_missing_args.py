class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def apply(self, x, offset):
        return x * self.factor + offset


s = Scaler(2)
print(s.apply(3, 1))  # expect: 7
s.apply(3)
# error: line 11: TypeError: Scaler.apply() missing 1 required positional argument: 'offset'
