# re: re.error for bad patterns and templates, with CPython's messages, positions, lines.
import re

for pattern in ["(", "a)", "*", "[a", "a{2,1}", "[z-a]", r"\1", "(?P<1>a)", "(?P<a>x)(?P<a>y)", "a**", r"\q",
                "(?<=a+)b", "(?P=x)", "\\", "(?x", "(?", "(?Px)", "(?<x)", "a(?i)b", r"[\d-z]", "(?#abc", r"\x4",
                "(?P<a", "(?P<>a)", "(?(x)a|b)", "ab\n(cd", "^*", "(?z)", "(?i-i:a)", r"\8"]:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiles")
    except re.error as e:
        print(repr(pattern), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
for template in [r"\2", r"\g<x>", r"\g<", r"\q"]:
    try:
        re.sub("(a)", template, "xa")
    except (re.error, IndexError) as e:
        print(repr(template), type(e).__name__, e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)
print(issubclass(re.error, Exception), re.error("msg").msg)
re.search("a", 3)
# error: line 22: TypeError: expected string or bytes-like object, got 'int'

# CPython 3.11 printed:
# expect: '(' -> missing ), unterminated subpattern at position 0 | missing ), unterminated subpattern 0 1 1
# expect: 'a)' -> unbalanced parenthesis at position 1 | unbalanced parenthesis 1 1 2
# expect: '*' -> nothing to repeat at position 0 | nothing to repeat 0 1 1
# expect: '[a' -> unterminated character set at position 0 | unterminated character set 0 1 1
# expect: 'a{2,1}' -> min repeat greater than max repeat at position 2 | min repeat greater than max repeat 2 1 3
# expect: '[z-a]' -> bad character range z-a at position 1 | bad character range z-a 1 1 2
# expect: '\\1' -> invalid group reference 1 at position 1 | invalid group reference 1 1 1 2
# expect: '(?P<1>a)' -> bad character in group name '1' at position 4 | bad character in group name '1' 4 1 5
# expect: '(?P<a>x)(?P<a>y)' -> redefinition of group name 'a' as group 2; was group 1 at position 12 | redefinition of group name 'a' as group 2; was group 1 12 1 13
# expect: 'a**' -> multiple repeat at position 2 | multiple repeat 2 1 3
# expect: '\\q' -> bad escape \q at position 0 | bad escape \q 0 1 1
# expect: '(?<=a+)b' -> look-behind requires fixed-width pattern | look-behind requires fixed-width pattern None None None
# expect: '(?P=x)' -> unknown group name 'x' at position 4 | unknown group name 'x' 4 1 5
# expect: '\\' -> bad escape (end of pattern) at position 0 | bad escape (end of pattern) 0 1 1
# expect: '(?x' -> missing -, : or ) at position 3 | missing -, : or ) 3 1 4
# expect: '(?' -> unexpected end of pattern at position 2 | unexpected end of pattern 2 1 3
# expect: '(?Px)' -> unknown extension ?Px at position 1 | unknown extension ?Px 1 1 2
# expect: '(?<x)' -> unknown extension ?<x at position 1 | unknown extension ?<x 1 1 2
# expect: 'a(?i)b' -> global flags not at the start of the expression at position 1 | global flags not at the start of the expression 1 1 2
# expect: '[\\d-z]' -> bad character range \d-z at position 1 | bad character range \d-z 1 1 2
# expect: '(?#abc' -> missing ), unterminated comment at position 0 | missing ), unterminated comment 0 1 1
# expect: '\\x4' -> incomplete escape \x4 at position 0 | incomplete escape \x4 0 1 1
# expect: '(?P<a' -> missing >, unterminated name at position 4 | missing >, unterminated name 4 1 5
# expect: '(?P<>a)' -> missing group name at position 4 | missing group name 4 1 5
# expect: '(?(x)a|b)' -> unknown group name 'x' at position 3 | unknown group name 'x' 3 1 4
# expect: 'ab\n(cd' -> missing ), unterminated subpattern at position 3 (line 2, column 1) | missing ), unterminated subpattern 3 2 1
# expect: '^*' -> nothing to repeat at position 1 | nothing to repeat 1 1 2
# expect: '(?z)' -> unknown extension ?z at position 1 | unknown extension ?z 1 1 2
# expect: '(?i-i:a)' -> bad inline flags: flag turned on and off at position 5 | bad inline flags: flag turned on and off 5 1 6
# expect: '\\8' -> invalid group reference 8 at position 1 | invalid group reference 8 1 1 2
# expect: '\\2' error invalid group reference 2 at position 1
# expect: '\\g<x>' IndexError unknown group name 'x'
# expect: '\\g<' error missing group name at position 3
# expect: '\\q' error bad escape \q at position 0
# expect: ValueError: cannot process flags argument with a compiled pattern
# expect: True msg
