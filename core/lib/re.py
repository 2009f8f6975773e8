# re: regular expressions as CPython 3.11's re reads and matches them: compile, match,
# fullmatch, search, findall, finditer, sub, subn, split, escape, the flags, Pattern and
# Match objects, and re.error with CPython's messages. _re_parser reads a pattern,
# _re_engine compiles it for a backtracking matcher written here in Python; compiled
# patterns are cached, as CPython caches them.
#
# Differences: str patterns only (initlab has no bytes); IGNORECASE folds ASCII letters only;
# \N{...} escapes raise NotImplementedError.
import _re_engine
import _re_parser
from _re_parser import error

_FLAG_ORDER = (("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32), ("MULTILINE", 8),
               ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128))
_REPR_ORDER = (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8), ("DOTALL", 16),
               ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256))


def _flag_int(f):
    if isinstance(f, RegexFlag):
        return f.value
    return f


def _flag_names(value, order):
    names = []
    for name, bit in order:
        if value & bit:
            names.append("re." + name)
            value &= ~bit
    if value:
        names.append(hex(value))
    return "|".join(names)


class RegexFlag:
    """The flags: re.I | re.M is a RegexFlag too, and each compares equal to its int."""

    def __init__(self, value):
        self.value = value
        self._value_ = value

    def __or__(self, other):
        return RegexFlag(self.value | _flag_int(other))

    def __ror__(self, other):
        return RegexFlag(self.value | _flag_int(other))

    def __and__(self, other):
        return RegexFlag(self.value & _flag_int(other))

    def __rand__(self, other):
        return RegexFlag(self.value & _flag_int(other))

    def __xor__(self, other):
        return RegexFlag(self.value ^ _flag_int(other))

    def __invert__(self):
        return RegexFlag(511 & ~self.value)

    def __eq__(self, other):
        return self.value == _flag_int(other)

    def __ne__(self, other):
        return self.value != _flag_int(other)

    def __hash__(self):
        return hash(self.value)

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __bool__(self):
        return self.value != 0

    def __repr__(self):
        if not self.value:
            return "re.NOFLAG"
        return _flag_names(self.value, _FLAG_ORDER)

    def __str__(self):
        return self.__repr__()

    @property
    def name(self):
        for name, bit in _FLAG_ORDER:
            if bit == self.value:
                return name
        return None


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)

_MAXCACHE = 512
_cache = {}


def _check_string(string):
    if not isinstance(string, str):
        raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
    return string


def _bounds(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    if pos > n:
        pos = n
    if endpos is None or endpos > n:
        endpos = n
    if endpos < 0:
        endpos = 0
    return pos, endpos


class Match:
    """The result of a successful match: its span, its groups, the pattern and the string."""

    def __init__(self, pattern, string, pos, endpos, start, end, slots):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._start = start
        self._end = end
        self._slots = slots

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return int(g)
        elif isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        raise IndexError("no such group")

    def _span(self, i):
        if i == 0:
            return (self._start, self._end)
        return (self._slots[2 * i], self._slots[2 * i + 1])

    def _text(self, i, default=None):
        a, b = self._span(i)
        if a < 0 or b < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self.string[self._start:self._end]
        if len(groups) == 1:
            return self._text(self._index(groups[0]))
        return tuple([self._text(self._index(g)) for g in groups])

    def __getitem__(self, g):
        return self._text(self._index(g))

    def groups(self, default=None):
        return tuple([self._text(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: self._text(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._span(self._index(group))[0]

    def end(self, group=0):
        return self._span(self._index(group))[1]

    def span(self, group=0):
        return self._span(self._index(group))

    @property
    def regs(self):
        return tuple([self._span(i) for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        last = self._slots[0]
        return None if last < 0 else last

    @property
    def lastgroup(self):
        last = self._slots[0]
        if last < 0:
            return None
        for name, i in self.re.groupindex.items():
            if i == last:
                return name
        return None

    def expand(self, template):
        return _expand(self.re._template(template), self)

    def __repr__(self):
        return f"<re.Match object; span=({self._start}, {self._end}), match={self.group()!r}>"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _expand(parts, m):
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
        else:
            text = m._text(p)
            if text is not None:
                out.append(text)
    return "".join(out)


class Pattern:
    """A compiled regular expression (re.compile's result)."""

    def __init__(self, pattern, flags):
        tree, flags, groups, names = _re_parser.parse(pattern, flags)
        self.pattern = pattern
        self.flags = flags
        self.groups = groups - 1
        self.groupindex = dict(names)
        self._prog = _re_engine.Program(tree, flags, groups)
        self._templates = {}

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if flags & (4 | 32 | 256) == 32:
            flags &= ~32
        if not flags:
            return f"re.compile({text})"
        return f"re.compile({text}, {_flag_names(flags, _REPR_ORDER)})"

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _subject(self, string):
        string = _check_string(string)
        chars = list(string)
        lchars = list(string.lower()) if self._prog.lower else chars
        return chars, lchars

    def _one(self, string, pos, endpos, anchored, full):
        chars, lchars = self._subject(string)
        pos, endpos = _bounds(string, pos, endpos)
        if pos > endpos:
            return None
        r = _re_engine.search(self._prog, string, chars, lchars, pos, endpos, full, -1, anchored)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r[0], r[1], r[2])

    def match(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, True, False)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, True, True)

    def search(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, False, False)

    def _all(self, string, pos, endpos, limit):
        # Every match left to right, as CPython finds them: after an empty match, the next one
        # may start at the same place only if it is not empty.
        chars, lchars = self._subject(string)
        pos, endpos = _bounds(string, pos, endpos)
        found = []
        adv = -1
        p = pos
        while p <= endpos and (limit <= 0 or len(found) < limit):
            r = _re_engine.search(self._prog, string, chars, lchars, p, endpos, False, adv, False)
            if r is None:
                break
            found.append(r)
            adv = r[1] if r[0] == r[1] else -1
            p = r[1]
        return found, pos, endpos

    def finditer(self, string, pos=0, endpos=None):
        found, pos, endpos = self._all(string, pos, endpos, 0)
        return iter([Match(self, string, pos, endpos, r[0], r[1], r[2]) for r in found])

    def findall(self, string, pos=0, endpos=None):
        found, pos, endpos = self._all(string, pos, endpos, 0)
        out = []
        n = self.groups
        for a, b, slots in found:
            if n == 0:
                out.append(string[a:b])
            elif n == 1:
                out.append("" if slots[2] < 0 or slots[3] < 0 else string[slots[2]:slots[3]])
            else:
                item = []
                for g in range(1, n + 1):
                    s, e = slots[2 * g], slots[2 * g + 1]
                    item.append("" if s < 0 or e < 0 else string[s:e])
                out.append(tuple(item))
        return out

    def split(self, string, maxsplit=0):
        found, pos, endpos = self._all(string, 0, None, maxsplit)
        out = []
        last = 0
        for a, b, slots in found:
            out.append(string[last:a])
            for g in range(1, self.groups + 1):
                s, e = slots[2 * g], slots[2 * g + 1]
                out.append(None if s < 0 or e < 0 else string[s:e])
            last = b
        out.append(string[last:])
        return out

    def _template(self, template):
        parts = self._templates.get(template)
        if parts is None:
            parts = _re_parser.parse_template(template, self.groups + 1, self.groupindex)
            self._templates[template] = parts
        return parts

    def subn(self, repl, string, count=0):
        if callable(repl):
            parts = None
        elif isinstance(repl, str):
            parts = [repl] if "\\" not in repl else self._template(repl)
        else:
            raise TypeError(f"decoding to str: need a bytes-like object, {type(repl).__name__} found")
        found, pos, endpos = self._all(string, 0, None, count)
        out = []
        last = 0
        for a, b, slots in found:
            out.append(string[last:a])
            if parts is None:
                text = repl(Match(self, string, pos, endpos, a, b, slots))
                if not isinstance(text, str):
                    raise TypeError(f"expected str instance, {type(text).__name__} found")
                out.append(text)
            elif len(parts) == 1 and isinstance(parts[0], str):
                out.append(parts[0])
            else:
                out.append(_expand(parts, Match(self, string, pos, endpos, a, b, slots)))
            last = b
        out.append(string[last:])
        return "".join(out), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("not supported in initlab: Pattern.scanner")


def compile(pattern, flags=0):
    """The compiled form of a pattern (cached, as CPython's re caches it)."""
    flags = _flag_int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if flags & 128:
            raise NotImplementedError("not supported in initlab: re.DEBUG")
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL_CHARS = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c"


def escape(pattern):
    if not isinstance(pattern, str):
        raise NotImplementedError("not supported in initlab: re.escape of bytes")
    return "".join(["\\" + c if c in _SPECIAL_CHARS else c for c in pattern])


def template(pattern, flags=0):
    raise NotImplementedError("not supported in initlab: re.template (deprecated in CPython)")
