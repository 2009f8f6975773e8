def classify(n):
    if n > 0:
        if n > 10:
            return "big"
        else:
            return "small"
    elif n == 0:
        return "zero"
    return "negative"


for v in [42, 3, 0, -1]:
    print(v, classify(v))
        # a comment indented oddly does not open a block
# expect: 42 big
# expect: 3 small
# expect: 0 zero
# expect: -1 negative
print("done")  # expect: done
