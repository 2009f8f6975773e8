n = 5
n += 3
n -= 1
n *= 2
n //= 3
n **= 2
n %= 7
print(n)  # expect: 2
f = 1.0
f /= 4
print(f)  # expect: 0.25
xs = [1]
alias = xs
xs += [2, 3]
print(xs, alias is xs, alias)  # expect: [1, 2, 3] True [1, 2, 3]
s = "ab"
s += "cd"
s *= 2
print(s)  # expect: abcdabcd
t = (1,)
t += (2,)
print(t)  # expect: (1, 2)
