print("hello", 1, 2.5, True, None)  # expect: hello 1 2.5 True None
print(1 + 2 * 3, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10)  # expect: 7 3 -4 1 2 1024
print(1 / 2, 0.1 + 0.2, 1e-5, 1e16, 3.0)  # expect: 0.5 0.30000000000000004 1e-05 1e+16 3.0
print([1, 'a', (2,)], {'k': [1.5]})  # expect: [1, 'a', (2,)] {'k': [1.5]}
