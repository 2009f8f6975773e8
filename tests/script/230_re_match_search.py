# re: match, search, fullmatch, findall, finditer over the names and strings model code reads.
import re

key = "features.denseblock1.denselayer1.norm.1.weight"
pattern = re.compile(r"^(.*denselayer\d+\.(?:norm|relu|conv))\.((?:[12])\.(?:weight|bias|running_mean|running_var))$")
m = pattern.match(key)
print(m.group(1), m.group(2), m.group(1) + m.group(2))
print(pattern.match("features.conv0.weight"))
m = re.match(r"layer(\d+)\.(\d+)\.(\w+)", "layer1.0.conv1.weight")
print(m, m.groups(), m.span(), m.start(2), m.end(3), m.lastindex)
print(re.search(r"\d+", "conv12.weight").group(), re.search(r"x", "abc"))
print(re.fullmatch(r"[a-z_]+\d*", "conv12"), re.fullmatch(r"a.*b", "axxbc"), re.fullmatch(r"a|ab", "ab"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"), re.findall(r"(\d)x", "1x2y3x"))
print([m.span() for m in re.finditer(r"o+", "foo boo ooo")])
print(re.findall(r"x*", "abxd"), re.findall(r"\b\w", "hello big world"))
print(re.match(r"a*?b", "aaab").group(), re.match(r"<.*?>", "<a><b>").group(), re.match(r"<.*>", "<a><b>").group())
print(re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2,3}?", "aaaa").group(), re.match(r"(ab){2}", "ababab").group())
print(re.search(r"(?<=-)\w+", "spam-egg").group(), re.search(r"(?<!a)b", "ab cb").span())
print(re.search(r"foo(?=bar)", "foobaz foobar").span(), re.search(r"foo(?!bar)", "foobar foobaz").span())
print(re.match(r"(a)\1", "aa").group(), re.match(r"(?P<c>\w)(?P=c)", "llama").group("c"))
print(re.search(r"\bis\b", "this is it").span(), re.search(r"\Bis\B", "this mist").span())
print(re.match(r"(?>a+)b", "aaab").group(), re.match(r"a++b", "aab").group(), re.match(r"(?>a+)ab", "aaab"))
print(re.match(r"(x)?(?(1)a|b)", "xa").group(), re.match(r"(x)?(?(1)a|b)", "b").group())
print(re.search(r"é+", "aééb").span(), re.findall(r"\w+", "héllo wörld 中文"), re.findall(r"\d", "1٣"))
print(re.findall(r"\d", "1٣", re.ASCII), re.search(r"[^\x00-\x7f]", "abc€").group())
p = re.compile(r"(\d+)")
print(p.search("ab12cd34", 4), p.match("ab12", 2), p.search("ab12cd", 0, 3), p.findall("1 22 333", 2))
print(re.match(r"$", ""), re.search(r"a$", "ba\n"), re.search(r"^b", "a\nb"), re.search(r"^b", "a\nb", re.M).span())

# CPython 3.11 printed:
# expect: features.denseblock1.denselayer1.norm 1.weight features.denseblock1.denselayer1.norm1.weight
# expect: None
# expect: <re.Match object; span=(0, 14), match='layer1.0.conv1'> ('1', '0', 'conv1') (0, 14) 7 14 3
# expect: 12 None
# expect: <re.Match object; span=(0, 6), match='conv12'> None <re.Match object; span=(0, 2), match='ab'>
# expect: ['1', '22', '333'] [('a', '1'), ('b', '2')] ['1', '3']
# expect: [(1, 3), (5, 7), (8, 11)]
# expect: ['', '', 'x', '', ''] ['h', 'b', 'w']
# expect: aaab <a> <a><b>
# expect: aaa aa abab
# expect: egg (4, 5)
# expect: (7, 10) (7, 10)
# expect: aa l
# expect: (5, 7) (6, 8)
# expect: aaab aab None
# expect: xa b
# expect: (1, 3) ['héllo', 'wörld', '中文'] ['1', '٣']
# expect: ['1'] €
# expect: <re.Match object; span=(6, 8), match='34'> <re.Match object; span=(2, 4), match='12'> <re.Match object; span=(2, 3), match='1'> ['22', '333']
# expect: <re.Match object; span=(0, 0), match=''> <re.Match object; span=(1, 2), match='a'> None (2, 3)
