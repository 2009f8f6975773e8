# format specs (nested fields, grouping, alternate forms), str.format field chains, % and x[..., 0].
import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x[..., 0])
print(x[0, ..., 1:3].shape, x[..., None].shape, x[...].shape)
print(format(1234567, ","), "{:,.2f}".format(1234.5678), "{:e}".format(0.000123), "{:.1%}".format(0.256), "{:#x}".format(255))
w = 8
print("{:{w}}|".format("ab", w=w), "{0:>{1}}".format("x", 4), f"{3.14159:{w}.3f}", "{:_}".format(10**6), "{!s:>5}".format(1))
print("%-6s|%06.2f|%+d|%x|%o|%e" % ("ab", 3.14159, 5, 255, 8, 12345.678))
print("{}".format({"a": 1}), "{0[a]}".format({"a": 5}), "{0.real}".format(3), "{:c}".format(65), "{:08.3f}".format(-3.14159))

# CPython 3.11 printed:
# expect: tensor([[ 0.,  4.,  8.],
# expect:         [12., 16., 20.]])
# expect: torch.Size([3, 2]) torch.Size([2, 3, 4, 1]) torch.Size([2, 3, 4])
# expect: 1,234,567 1,234.57 1.230000e-04 25.6% 0xff
# expect: ab      |    x    3.142 1_000_000     1
# expect: ab    |003.14|+5|ff|10|1.234568e+04
# expect: {'a': 1} 5 3 A -003.142
