class Box:
    pass


b = Box()
b.value = 3
b.items = [0, 0, 0]
b.items[1] = 5
b.items[-1] += 2
d = {}
d["k"] = b.value
d["k"] *= 10
grid = [[0, 0], [0, 0]]
grid[1][0] = 7
print(b.value, b.items, d, grid)  # expect: 3 [0, 5, 2] {'k': 30} [[0, 0], [7, 0]]
b.value, d["j"] = 4, 6
print(b.value, d)  # expect: 4 {'k': 30, 'j': 6}
nums = [0, 1, 2, 3, 4]
nums[1:3] = [9]
print(nums)  # expect: [0, 9, 3, 4]
