xs = [3, 1]
xs.append(4)
xs.extend([1, 5])
print(xs)  # expect: [3, 1, 4, 1, 5]
print(xs.pop(), xs.pop(0), xs)  # expect: 5 3 [1, 4, 1]
xs.insert(1, 9)
xs.insert(100, 7)
print(xs, xs.index(1), xs.index(7), xs.count(1))  # expect: [1, 9, 4, 1, 7] 0 4 2
xs.sort()
print(xs)  # expect: [1, 1, 4, 7, 9]
xs.sort(reverse=True)
words = ["ccc", "a", "bb"]
words.sort(key=len)
print(xs, words)  # expect: [9, 7, 4, 1, 1] ['a', 'bb', 'ccc']
xs.reverse()
xs.remove(4)
print(xs, xs.copy() == xs, [0] * 3)  # expect: [1, 1, 7, 9] True [0, 0, 0]
