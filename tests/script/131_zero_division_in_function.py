def mean(xs):
    return sum(xs) / len(xs)


print(mean([1, 2, 3, 4]))  # expect: 2.5
print(mean([]))
# error: line 2: ZeroDivisionError: division by zero
