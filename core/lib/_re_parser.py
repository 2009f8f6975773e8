# _re_parser: the pattern reader of re. It turns a pattern string into a tree of tuples (the
# node kinds are listed below) that _re_engine compiles, and raises re.error with CPython's
# messages and positions for the patterns CPython refuses.
#
# Nodes:
#   ("lit", ch)                       one character
#   ("any",)                          .
#   ("in", items, negate)             [...]: items are ("lit", ch), ("range", lo, hi), ("cat", k)
#   ("cat", k)                        \d \D \w \W \s \S (k is the letter)
#   ("at", k)                         ^ $ \A \Z \b \B ("bol", "eol", "A", "Z", "b", "B")
#   ("seq", [nodes]) / ("alt", [nodes])
#   ("group", gid, node)              gid None for (?:...)
#   ("flags", add, remove, node)      (?i:...)
#   ("rep", min, max, mode, node)     max -1 for no bound; mode "greedy", "lazy", "possessive"
#   ("ref", gid)                      \1, (?P=name)
#   ("look", ahead, negate, node, [width])  (?=...) (?!...) (?<=...) (?<!...); the width a
#                                     lookbehind steps back
#   ("atomic", node)                  (?>...)
#   ("cond", gid, yes, no)            (?(1)yes|no)

TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823

_FLAG_LETTERS = {"i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL, "x": VERBOSE, "a": ASCII,
                 "t": TEMPLATE, "u": UNICODE}
_TYPE_FLAGS = ASCII | LOCALE | UNICODE
_GLOBAL_FLAGS = DEBUG | TEMPLATE

_SPECIAL = ".\\[{()*+?^$|"
_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_HEXDIGITS = "0123456789abcdefABCDEF"
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\x0b\x0c"
_ESCAPES = {"\\a": "\x07", "\\b": "\x08", "\\f": "\x0c", "\\n": "\n", "\\r": "\r", "\\t": "\t", "\\v": "\x0b",
            "\\\\": "\\"}
_CATEGORIES = {"\\d": ("cat", "d"), "\\D": ("cat", "D"), "\\s": ("cat", "s"), "\\S": ("cat", "S"),
               "\\w": ("cat", "w"), "\\W": ("cat", "W")}
_ANCHORS = {"\\A": ("at", "A"), "\\Z": ("at", "Z"), "\\b": ("at", "b"), "\\B": ("at", "B")}


class error(Exception):
    """re.error: the pattern (or a replacement template) is not a valid regular expression."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            text = f"{msg} at position {pos}"
            newline = "\n"
            before = pattern[:pos]
            self.lineno = before.count(newline) + 1
            self.colno = pos - before.rfind(newline)
            if newline in pattern:
                text = f"{text} (line {self.lineno}, column {self.colno})"
            msg = text
        super().__init__(msg)


class _Source:
    # The pattern as a list of characters and a cursor; a token is one character or a
    # backslash with the character after it.
    def __init__(self, pattern):
        self.pattern = pattern
        self.chars = list(pattern)
        self.n = len(self.chars)
        self.i = 0

    def peek(self):
        i = self.i
        if i >= self.n:
            return None
        c = self.chars[i]
        if c == "\\":
            if i + 1 >= self.n:
                raise error("bad escape (end of pattern)", self.pattern, self.n - 1)
            return "\\" + self.chars[i + 1]
        return c

    def get(self):
        t = self.peek()
        if t is not None:
            self.i += len(t)
        return t

    def match(self, c):
        if self.i < self.n and self.chars[self.i] == c:
            self.i += 1
            return True
        return False

    def getwhile(self, count, allowed):
        out = ""
        while len(out) < count and self.i < self.n and self.chars[self.i] in allowed:
            out += self.chars[self.i]
            self.i += 1
        return out

    def getuntil(self, terminator, name):
        out = ""
        while True:
            c = self.get()
            if c is None:
                if not out:
                    raise self.error("missing " + name)
                raise self.error(f"missing {terminator}, unterminated name", len(out))
            if c == terminator:
                if not out:
                    raise self.error("missing " + name, 1)
                return out
            out += c

    def error(self, msg, offset=0):
        return error(msg, self.pattern, self.i - offset)

    def check_name(self, name, offset):
        if not name.isidentifier():
            raise self.error(f"bad character in group name {name!r}", len(name) + offset)


class _State:
    def __init__(self, flags):
        self.flags = flags
        self.groups = 1              # the next group number (group 0 is the whole match)
        self.names = {}
        self.widths = {}             # group -> (min, max) once it is closed
        self.lookbehind_groups = None
        self.cond_refs = {}          # group number -> position, for (?(N)...) checked at the end
        self.lookbehinds = []        # their width is checked once the whole pattern is read

    def open_group(self, name):
        gid = self.groups
        self.groups += 1
        if self.groups > MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            old = self.names.get(name)
            if old is not None:
                raise error(f"redefinition of group name {name!r} as group {gid}; was group {old}")
            self.names[name] = gid
        return gid

    def closed(self, gid):
        return gid in self.widths

    def check_lookbehind_ref(self, gid, source):
        if self.lookbehind_groups is not None:
            if not self.closed(gid):
                raise source.error("cannot refer to an open group")
            if gid >= self.lookbehind_groups:
                raise source.error("cannot refer to group defined in the same lookbehind subpattern")


def width(node, state):
    """(min, max) characters the node matches; max is MAXREPEAT when unbounded."""
    kind = node[0]
    if kind in ("lit", "any", "in", "cat"):
        return (1, 1)
    if kind in ("at", "look"):
        return (0, 0)
    if kind == "seq":
        lo = hi = 0
        for item in node[1]:
            a, b = width(item, state)
            lo += a
            hi = min(hi + b, MAXREPEAT)
        return (lo, hi)
    if kind == "alt":
        spans = [width(b, state) for b in node[1]]
        return (min(s[0] for s in spans), max(s[1] for s in spans))
    if kind == "group":
        return width(node[2], state)
    if kind == "flags":
        return width(node[3], state)
    if kind == "atomic":
        return width(node[1], state)
    if kind == "rep":
        a, b = width(node[4], state)
        hi = MAXREPEAT if node[2] < 0 else min(b * node[2], MAXREPEAT)
        return (min(a * node[1], MAXREPEAT), hi)
    if kind == "ref":
        return state.widths.get(node[1], (0, MAXREPEAT))
    if kind == "cond":
        a = width(node[2], state)
        b = width(node[3], state) if node[3] is not None else (0, 0)
        return (min(a[0], b[0]), max(a[1], b[1]))
    return (0, 0)


def _hex_escape(source, escape, digits):
    escape += source.getwhile(digits, _HEXDIGITS)
    if len(escape) != digits + 2:
        raise source.error(f"incomplete escape {escape}", len(escape))
    code = int(escape[2:], 16)
    if code > 0x10FFFF:
        raise source.error(f"bad escape {escape}", len(escape))
    return ("lit", chr(code))


def _class_escape(source, escape):
    # An escape inside [...]: a character or \d \s \w and their negations.
    if escape in _ESCAPES:
        return ("lit", _ESCAPES[escape])
    if escape in _CATEGORIES:
        return _CATEGORIES[escape]
    c = escape[1]
    if c == "x":
        return _hex_escape(source, escape, 2)
    if c == "u":
        return _hex_escape(source, escape, 4)
    if c == "U":
        return _hex_escape(source, escape, 8)
    if c == "N":
        raise NotImplementedError("not supported in initlab: \\N{...} escapes in regular expressions")
    if c in _OCTDIGITS:
        escape += source.getwhile(2, _OCTDIGITS)
        code = int(escape[1:], 8)
        if code > 0o377:
            raise source.error(f"octal escape value {escape} outside of range 0-0o377", len(escape))
        return ("lit", chr(code))
    if c in _DIGITS or c in _ASCII_LETTERS:
        raise source.error(f"bad escape {escape}", len(escape))
    return ("lit", c)


def _escape(source, escape, state):
    # An escape outside [...].
    if escape in _CATEGORIES:
        return _CATEGORIES[escape]
    if escape in _ANCHORS:
        return _ANCHORS[escape]
    if escape in _ESCAPES:
        return ("lit", _ESCAPES[escape])
    c = escape[1]
    if c == "x":
        return _hex_escape(source, escape, 2)
    if c == "u":
        return _hex_escape(source, escape, 4)
    if c == "U":
        return _hex_escape(source, escape, 8)
    if c == "N":
        raise NotImplementedError("not supported in initlab: \\N{...} escapes in regular expressions")
    if c == "0":
        escape += source.getwhile(2, _OCTDIGITS)
        return ("lit", chr(int(escape[1:], 8)))
    if c in _DIGITS:
        # An octal escape (three octal digits) or a group reference.
        nxt = source.peek()
        if nxt is not None and nxt in _DIGITS:
            escape += source.get()
            nxt = source.peek()
            if escape[1] in _OCTDIGITS and escape[2] in _OCTDIGITS and nxt is not None and nxt in _OCTDIGITS:
                escape += source.get()
                code = int(escape[1:], 8)
                if code > 0o377:
                    raise source.error(f"octal escape value {escape} outside of range 0-0o377", len(escape))
                return ("lit", chr(code))
        gid = int(escape[1:])
        if gid < state.groups:
            if not state.closed(gid):
                raise source.error("cannot refer to an open group", len(escape))
            state.check_lookbehind_ref(gid, source)
            return ("ref", gid)
        raise source.error(f"invalid group reference {gid}", len(escape) - 1)
    if c in _ASCII_LETTERS:
        raise source.error(f"bad escape {escape}", len(escape))
    return ("lit", c)


def _alternation(source, state, verbose, nested):
    branches = []
    while True:
        branches.append(_sequence(source, state, verbose, nested + 1, not nested and not branches))
        if not source.match("|"):
            break
        if not nested:
            verbose = state.flags & VERBOSE
    if len(branches) == 1:
        return branches[0]
    return ("alt", branches)


def _seq_node(items):
    # Non-capturing groups without flags dissolve into the sequence around them.
    flat = []
    for item in items:
        if item[0] == "group" and item[1] is None:
            inner = item[2]
            if inner[0] == "seq":
                flat.extend(inner[1])
            else:
                flat.append(inner)
        else:
            flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return ("seq", flat)


def _char_class(source, start, nested):
    items = []
    if source.peek() == "[":
        _future_warning(f"Possible nested set at position {source.i}")
    negate = source.match("^")
    while True:
        this = source.get()
        if this is None:
            raise source.error("unterminated character set", source.i - start)
        if this == "]" and items:
            break
        if this[0] == "\\":
            first = _class_escape(source, this)
        else:
            if items and this in "-&~|" and source.peek() == this:
                kinds = {"-": "difference", "&": "intersection", "~": "symmetric difference", "|": "union"}
                _future_warning(f"Possible set {kinds[this]} at position {source.i - 1}")
            first = ("lit", this)
        if source.match("-"):
            that = source.get()
            if that is None:
                raise source.error("unterminated character set", source.i - start)
            if that == "]":
                items.append(first)
                items.append(("lit", "-"))
                break
            if that[0] == "\\":
                second = _class_escape(source, that)
            else:
                if that == "-":
                    _future_warning(f"Possible set difference at position {source.i - 2}")
                second = ("lit", that)
            if first[0] != "lit" or second[0] != "lit" or second[1] < first[1]:
                raise source.error(f"bad character range {this}-{that}", len(this) + 1 + len(that))
            items.append(("range", first[1], second[1]))
        else:
            items.append(first)
    if len(items) == 1 and items[0][0] == "lit" and not negate:
        return items[0]
    return ("in", items, negate)


def _future_warning(text):
    import warnings
    warnings.warn(text, FutureWarning)


def _repeat_bounds(source, this, here):
    # The (min, max) of a quantifier just read, or None when '{' is a literal brace.
    if this == "?":
        return (0, 1)
    if this == "*":
        return (0, -1)
    if this == "+":
        return (1, -1)
    if source.peek() == "}":
        return None
    lo = source.getwhile(MAXGROUPS, _DIGITS)
    if source.match(","):
        hi = source.getwhile(MAXGROUPS, _DIGITS)
    else:
        hi = lo
    if not source.match("}"):
        source.i = here
        return None
    mn = 0
    mx = -1
    if lo:
        mn = int(lo)
        if mn >= MAXREPEAT:
            raise OverflowError("the repetition number is too large")
    if hi:
        mx = int(hi)
        if mx >= MAXREPEAT:
            raise OverflowError("the repetition number is too large")
        if mx < mn:
            raise source.error("min repeat greater than max repeat", source.i - here)
    return (mn, mx)


def _sequence(source, state, verbose, nested, first):
    items = []
    while True:
        this = source.peek()
        if this is None or this == "|" or this == ")":
            break
        start = source.i
        source.get()
        if verbose:
            if this in _WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            items.append(_escape(source, this, state))
        elif this not in _SPECIAL:
            items.append(("lit", this))
        elif this == "[":
            items.append(_char_class(source, start, nested))
        elif this in "*+?{":
            here = source.i
            bounds = _repeat_bounds(source, this, here)
            if bounds is None:
                items.append(("lit", "{"))
                continue
            if not items or items[-1][0] == "at":
                raise source.error("nothing to repeat", source.i - here + len(this))
            if items[-1][0] == "rep":
                raise source.error("multiple repeat", source.i - here + len(this))
            item = items[-1]
            if item[0] == "group" and item[1] is None:
                item = item[2]
            mode = "greedy"
            if source.match("?"):
                mode = "lazy"
            elif source.match("+"):
                mode = "possessive"
            items[-1] = ("rep", bounds[0], bounds[1], mode, item)
        elif this == ".":
            items.append(("any",))
        elif this == "(":
            node = _group(source, state, verbose, nested, first and not items, start)
            if node == "global-flags":
                verbose = state.flags & VERBOSE
            elif node is not None:
                items.append(node)
        elif this == "^":
            items.append(("at", "bol"))
        elif this == "$":
            items.append(("at", "eol"))
    return _seq_node(items)


def _group(source, state, verbose, nested, first, start):
    # After '(': a group, an extension (?...), or None for a comment.
    capture = True
    atomic = False
    name = None
    add = 0
    remove = 0
    if source.match("?"):
        char = source.get()
        if char is None:
            raise source.error("unexpected end of pattern")
        if char == "P":
            if source.match("<"):
                name = source.getuntil(">", "group name")
                source.check_name(name, 1)
            elif source.match("="):
                name = source.getuntil(")", "group name")
                source.check_name(name, 1)
                gid = state.names.get(name)
                if gid is None:
                    raise source.error(f"unknown group name {name!r}", len(name) + 1)
                if not state.closed(gid):
                    raise source.error("cannot refer to an open group", len(name) + 1)
                state.check_lookbehind_ref(gid, source)
                return ("ref", gid)
            else:
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                raise source.error("unknown extension ?P" + char, len(char) + 2)
        elif char == ":":
            capture = False
        elif char == "#":
            while True:
                if source.peek() is None:
                    raise source.error("missing ), unterminated comment", source.i - start)
                if source.get() == ")":
                    return None
        elif char in "=!<":
            ahead = True
            saved = state.lookbehind_groups
            if char == "<":
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char not in "=!":
                    raise source.error("unknown extension ?<" + char, len(char) + 2)
                ahead = False
                if saved is None:
                    state.lookbehind_groups = state.groups
            inner = _alternation(source, state, verbose, nested + 1)
            if not ahead and saved is None:
                state.lookbehind_groups = None
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.i - start)
            box = [0]
            if not ahead:
                state.lookbehinds.append((inner, box))
            return ("look", ahead, char == "!", inner, box)
        elif char == "(":
            return _conditional(source, state, verbose, nested, start)
        elif char == ">":
            capture = False
            atomic = True
        elif char in _FLAG_LETTERS or char == "-":
            flags = _inline_flags(source, state, char)
            if flags is None:
                if not first:
                    raise source.error("global flags not at the start of the expression", source.i - start)
                return "global-flags"
            add, remove = flags
            capture = False
        else:
            raise source.error("unknown extension ?" + char, len(char) + 1)
    gid = None
    if capture:
        try:
            gid = state.open_group(name)
        except error as err:
            raise source.error(err.msg, len(name) + 1) from None
    sub_verbose = (verbose or (add & VERBOSE)) and not (remove & VERBOSE)
    inner = _alternation(source, state, sub_verbose, nested + 1)
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.i - start)
    if gid is not None:
        state.widths[gid] = width(inner, state)
    if atomic:
        return ("atomic", inner)
    if add or remove:
        return ("flags", add, remove, inner)
    return ("group", gid, inner)


def _conditional(source, state, verbose, nested, start):
    name = source.getuntil(")", "group name")
    if name.isidentifier():
        source.check_name(name, 1)
        gid = state.names.get(name)
        if gid is None:
            raise source.error(f"unknown group name {name!r}", len(name) + 1)
    else:
        gid = -1
        if name and all(c in _DIGITS for c in name):
            gid = int(name)
        if gid < 0:
            raise source.error(f"bad character in group name {name!r}", len(name) + 1)
        if gid == 0:
            raise source.error("bad group number", len(name) + 1)
        if gid >= MAXGROUPS:
            raise source.error(f"invalid group reference {gid}", len(name) + 1)
        if gid not in state.cond_refs:
            state.cond_refs[gid] = source.i - len(name) - 1
    state.check_lookbehind_ref(gid, source)
    yes = _sequence(source, state, verbose, nested + 1, False)
    no = None
    if source.match("|"):
        no = _sequence(source, state, verbose, nested + 1, False)
        if source.peek() == "|":
            raise source.error("conditional backref with more than two branches")
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern", source.i - start)
    return ("cond", gid, yes, no)


def _inline_flags(source, state, char):
    # (?aiLmsux) sets global flags (None is returned); (?aiLmsux-imsx:...) gives (add, remove).
    add = 0
    remove = 0
    if char != "-":
        while True:
            flag = _FLAG_LETTERS[char]
            if char == "L":
                raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            add |= flag
            if (flag & _TYPE_FLAGS) and (add & _TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in _FLAG_LETTERS:
                raise source.error("unknown flag" if char.isalpha() else "missing -, : or )", len(char))
    if char == ")":
        state.flags |= add
        return None
    if add & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = source.get()
        if char is None:
            raise source.error("missing flag")
        if char not in _FLAG_LETTERS:
            raise source.error("unknown flag" if char.isalpha() else "missing flag", len(char))
        while True:
            flag = _FLAG_LETTERS[char]
            if flag & _TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            remove |= flag
            char = source.get()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in _FLAG_LETTERS:
                raise source.error("unknown flag" if char.isalpha() else "missing :", len(char))
    if remove & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add & remove:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return (add, remove)


def parse(pattern, flags):
    """(tree, flags with the pattern's global inline flags, number of groups + 1, names)."""
    source = _Source(pattern)
    state = _State(flags)
    tree = _alternation(source, state, flags & VERBOSE, 0)
    flags = state.flags
    if flags & LOCALE:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if not flags & ASCII:
        flags |= UNICODE
    elif flags & UNICODE:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    if source.peek() is not None:
        raise source.error("unbalanced parenthesis")
    for gid, pos in state.cond_refs.items():
        if gid >= state.groups:
            raise error(f"invalid group reference {gid}", pattern, pos)
    for inner, box in state.lookbehinds:
        lo, hi = width(inner, state)
        if lo != hi:
            raise error("look-behind requires fixed-width pattern")
        box[0] = lo
    return tree, flags, state.groups, state.names


def parse_template(template, groups, names):
    """A sub() replacement as a list of literal strings and group numbers (ints)."""
    source = _Source(template)
    parts = []
    literal = ""

    def add_group(gid, offset):
        if gid >= groups:
            raise source.error(f"invalid group reference {gid}", offset)
        if literal:
            parts.append(literal)
        parts.append(gid)

    while True:
        this = source.get()
        if this is None:
            break
        if this[0] != "\\":
            literal += this
            continue
        c = this[1]
        if c == "g":
            if not source.match("<"):
                raise source.error("missing <")
            name = source.getuntil(">", "group name")
            if name.isidentifier():
                if name not in names:
                    raise IndexError(f"unknown group name {name!r}")
                gid = names[name]
            else:
                gid = -1
                if name and all(ch in _DIGITS for ch in name):
                    gid = int(name)
                if gid < 0:
                    raise source.error(f"bad character in group name {name!r}", len(name) + 1)
                if gid >= MAXGROUPS:
                    raise source.error(f"invalid group reference {gid}", len(name) + 1)
            add_group(gid, len(name) + 1)
            literal = ""
        elif c == "0":
            nxt = source.peek()
            if nxt is not None and nxt in _OCTDIGITS:
                this += source.get()
                nxt = source.peek()
                if nxt is not None and nxt in _OCTDIGITS:
                    this += source.get()
            literal += chr(int(this[1:], 8) & 0xFF)
        elif c in _DIGITS:
            octal = False
            nxt = source.peek()
            if nxt is not None and nxt in _DIGITS:
                this += source.get()
                nxt = source.peek()
                if c in _OCTDIGITS and this[2] in _OCTDIGITS and nxt is not None and nxt in _OCTDIGITS:
                    this += source.get()
                    octal = True
                    code = int(this[1:], 8)
                    if code > 0o377:
                        raise source.error(f"octal escape value {this} outside of range 0-0o377", len(this))
                    literal += chr(code)
            if not octal:
                add_group(int(this[1:]), len(this) - 1)
                literal = ""
        elif this in _ESCAPES:
            literal += _ESCAPES[this]
        elif c in _ASCII_LETTERS:
            raise source.error(f"bad escape {this}", len(this))
        else:
            literal += this
    if literal:
        parts.append(literal)
    return parts
