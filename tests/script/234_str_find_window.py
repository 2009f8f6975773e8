# str.find and str.rfind with a start and an end, indices in characters (not bytes).
print("abcabc".find("c", 3), "abcabc".find("a", 1), "abcabc".find("a", 1, 3), "abc".find("", 3), "abc".find("", 4))
print("abcabc".rfind("a", 0, 3), "abcabc".rfind("c"), "abcabc".rfind("c", -2), "abc".find("b", -2, -1))
print("héllo".find("l"), "héllo".find("o", 2), "日本語テキスト".find("テ"), "日本語".rfind("本", 0, 2))
print("abc".find("c", 0, 2), "abc".rfind("a", 1), "abc".index("c", 1))

# CPython 3.11 printed:
# expect: 5 3 -1 3 -1
# expect: 0 5 5 1
# expect: 2 4 3 1
# expect: -1 -1 2
