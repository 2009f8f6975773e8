a = 'single'
b = "double"
c = "it's"
d = 'say "hi"'
print(a, b, c, d)  # expect: single double it's say "hi"
print('tab\there')  # expect: tab	here
print("back\\slash", 'don\'t')  # expect: back\slash don't
print("line1\nline2")
# expect: line1
# expect: line2
print(len("a\nb"), len('\\'))  # expect: 3 1
print("con" "cat" 'ed')  # expect: concated
