print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))  # expect: 2 4 -2 0 2
print(round(0.125, 2), round(2.675, 2), round(1.23456, 3))  # expect: 0.12 2.67 1.235
print(round(7), type(round(2.7)).__name__, round(2.7, 0))  # expect: 7 int 3.0
print(round(1234, -2), round(1250, -2), round(-0.4))  # expect: 1200 1200 0
