x = 1 + \
    2 + \
    3
print(x)  # expect: 6
if x > 5 and \
        x < 10:
    print("in range")  # expect: in range
name = "init" \
       "lab"
print(name)  # expect: initlab
