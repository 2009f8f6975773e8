# re: Match objects (groups by index and name, groupdict, lastindex, lastgroup, spans), Pattern
# objects and their reprs, flags I M S X A and inline flags, the compile cache.
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<rest> .*)?", "Jane Doe")
print(m.group(), m.group(1), m.group("last"), m.group(1, "last"), m["first"], m[2], m.groups())
print(m.groups("-"), m.groupdict(), m.groupdict(0), m.lastindex, m.lastgroup, m.span("rest"), m.start(3))
print(m.re, m.string, m.pos, m.endpos, m.regs)
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b)?", "ac").lastindex, re.match(r"a", "a").lastindex)
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a|b)*", "abba").group(1), re.match(r"(a*)*", "b").groups())
try:
    m.group(5)
except IndexError as e:
    print("IndexError:", e)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError:", e)
p = re.compile(r"conv(\d)", re.IGNORECASE | re.MULTILINE)
print(p, p.pattern, p.flags, p.groups, p.groupindex, re.compile(r"(?P<x>a)(?P<y>b)").groupindex)
print(re.compile("a"), re.compile("a", re.S | re.X), re.compile("a", re.A), re.compile("(?i)a").flags)
print(re.compile("a") is re.compile("a"), re.compile(p) is p, re.compile("a") == re.compile("a"))
print(re.I, re.IGNORECASE | re.M, re.I == 2, re.M.value, re.NOFLAG, int(re.S), re.I & re.I, 0 | re.X)
print(re.findall(r"[a-c]+", "xABCabcx", re.I), re.findall(r"(?i)hello", "HeLLo hello"))
print(re.findall(r"^\w+$", "one\ntwo", re.M), re.findall(r"^\w+$", "one\ntwo"), re.findall(r"a.c", "a\nc abc", re.S))
print(re.findall(r"(?i:a)b", "AB Ab ab"), re.findall(r"a(?-i:b)", "AB Ab ab", re.I), re.findall(r"(?s:.)x", "\nx"))
verbose = re.compile(r"""
    (\d+)      # the whole part
    \.         # a dot
    (\d*)      # the fraction
""", re.VERBOSE)
print(verbose.match("3.14").groups(), re.match(r"(?x) a b \ c [ ]", "ab c ").group())
print(re.match(r"[\w.]+@[\w.]+", "me@x.org").group(), re.findall(r"[-+]?\d*\.?\d+", "x -1.5 +2 .3"))
print(type(p).__name__, type(m).__name__, isinstance(p, re.Pattern), isinstance(m, re.Match))

# CPython 3.11 printed:
# expect: Jane Doe Jane Doe ('Jane', 'Doe') Jane Doe ('Jane', 'Doe', None)
# expect: ('Jane', 'Doe', '-') {'first': 'Jane', 'last': 'Doe', 'rest': None} {'first': 'Jane', 'last': 'Doe', 'rest': 0} 2 last (-1, -1) -1
# expect: re.compile('(?P<first>\\w+) (?P<last>\\w+)(?P<rest> .*)?') Jane Doe 0 8 ((0, 8), (0, 4), (5, 8), (-1, -1))
# expect: 1 1 None
# expect: (None, 'b') a ('',)
# expect: IndexError: no such group
# expect: IndexError: no such group
# expect: re.compile('conv(\\d)', re.IGNORECASE|re.MULTILINE) conv(\d) 42 1 {} {'x': 1, 'y': 2}
# expect: re.compile('a') re.compile('a', re.DOTALL|re.VERBOSE) re.compile('a', re.ASCII) 34
# expect: True True True
# expect: re.IGNORECASE re.IGNORECASE|re.MULTILINE True 8 re.NOFLAG 16 re.IGNORECASE re.VERBOSE
# expect: ['ABCabc'] ['HeLLo', 'hello']
# expect: ['one', 'two'] [] ['a\nc', 'abc']
# expect: ['Ab', 'ab'] ['Ab', 'ab'] ['\nx']
# expect: ('3', '14') ab c 
# expect: me@x.org ['-1.5', '+2', '.3']
# expect: Pattern Match True True
