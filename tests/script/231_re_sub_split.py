# re: sub with group references and functions, subn, split with groups and maxsplit, escape.
import re

names = ["layer1.0.conv1.weight", "layer2.1.bn2.running_mean", "fc.bias"]
print([re.sub(r"\.(\d+)\.", r"[\1].", n) for n in names])
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<a>x)", r"\g<a>\g<a>", "axb"))
print(re.sub(r"(\w+)=(\d+)", r"\g<2>:\g<1>", "a=1 b=22"), re.sub("a", r"\n", "bab") == "b\nb")
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c3"))
print(re.sub(r"x*", "-", "abxd"), re.sub("a", "b", "aaa", count=2), re.sub("a", "b", "aaa", 1))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"z", "0", "foo"))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub(r"\s+", " ", "  many   spaces\there "))
print(re.sub(r"(?i)relu", "ReLU", "relu RELU Relu"), re.sub("^", "> ", "a\nb", flags=re.M))
print(re.split(r"[,;]\s*", "a, b;c"), re.split(r"(,)", "a,b,c"), re.split(r"(,)", "a,b,c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"(a)|b", "xbyaz"), re.split(r"\W+", "Words, words, words."))
print(re.split(r"\.", "layer1.0.conv1.weight", 2), re.split(r"\d", "abc"))
print(re.escape("a.b*c+d?"), re.escape("conv_1 (x) [y] {z} $^|\\"), re.escape("é-1"))
print(re.sub(re.escape("a.b"), "X", "a.b axb"))
p = re.compile(r"(\d+)")
print(p.sub(r"<\1>", "x1y22"), p.subn(lambda m: m.group(1)[::-1], "12 345"), p.split("a1b2c"))
m = re.search(r"(?P<name>\w+)@(?P<host>\w+)", "mail me@host now")
print(m.expand(r"\g<host>/\g<name>"), m.expand(r"\2-\1"))

# CPython 3.11 printed:
# expect: ['layer1[0].conv1.weight', 'layer2[1].bn2.running_mean', 'fc.bias']
# expect: world hello axxb
# expect: 1:a 22:b True
# expect: a2 b44 c6
# expect: -a-b--d- bba baa
# expect: ('f00 b00', 4) ('foo', 0)
# expect: [a][]  many spaces here 
# expect: ReLU ReLU ReLU > a
# expect: > b
# expect: ['a', 'b', 'c'] ['a', ',', 'b', ',', 'c'] ['a', ',', 'b,c']
# expect: ['', 'a', '', 'b', 'c', ''] ['x', None, 'y', 'a', 'z'] ['Words', 'words', 'words', '']
# expect: ['layer1', '0', 'conv1.weight'] ['abc']
# expect: a\.b\*c\+d\? conv_1\ \(x\)\ \[y\]\ \{z\}\ \$\^\|\\ é\-1
# expect: X axb
# expect: x<1>y<22> ('21 543', 2) ['a', '1', 'b', '2', 'c']
# expect: host/me host-me
