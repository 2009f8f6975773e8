x = 0.123456
print("%.3f" % x)  # expect: 0.123
print("%d/%d" % (3, 10))  # expect: 3/10
print("%s and %r" % ("s", "s"))  # expect: s and 's'
print("loss: %.4f, acc: %5.1f%%" % (1.23456, 87.25))  # expect: loss: 1.2346, acc:  87.2%
print("%5d|%-5d|%05.1f" % (42, 42, 3.14159))  # expect:    42|42   |003.1
print("%s" % [1, 2], "%e" % 12345.678)  # expect: [1, 2] 1.234568e+04
print("%d" % 3.9, "%i" % 7, "%x" % 255)  # expect: 3 7 ff
