# _re_engine: re's matcher. compile() turns _re_parser's tree into the program of a
# backtracking machine, and search() runs it over a string. The machine keeps its own stack
# of choices (no recursion, so long subjects do not reach the call-depth limit); the
# captures and the loop marks live in one list of slots whose old values go on the same
# stack, so backtracking restores them.
#
# A character test is a pair (table, uni): table holds the ASCII characters that match (so
# `c in table`, and str.lstrip(table) measures a run of them natively), uni says which
# characters past ASCII match: None for none, else (singles, ranges, categories, negate,
# ascii_mode).
#
# Instructions (lists, the opcode first):
#   0 CH ch icase        1 CLASS table uni           2 LIT chars n icase
#   3 REP table uni min max lazy follow (a run of one-character items; follow: the literal
#     that comes next, which the run gives back to)
#   4 SPLIT first second  5 JMP target  6 SAVE slot group  7 MATCH  8 AT kind
#   9 PROGRESS slot exit (a loop turn that matched nothing leaves the loop)
#   10 REF group icase    11 LOOK code ahead negate width  12 ATOMIC code  13 COND group no
import _re_parser

_I = _re_parser.IGNORECASE
_M = _re_parser.MULTILINE
_S = _re_parser.DOTALL
_A = _re_parser.ASCII

_ASCII = "".join([chr(i) for i in range(128)])
_DIGITS = "0123456789"
_WORDCHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_SPACE_UNICODE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_SPACE_ASCII = " \t\n\r\x0b\x0c"
_ALL_UNI = ("", [], "", True, False)     # every character past ASCII
_MAX_PROGRAM = 100000

_tables = {}


def _complement(table):
    out = _ASCII
    for c in table:
        out = out.replace(c, "")
    return out


def _cat_table(k, ascii_mode):
    key = (k, ascii_mode)
    if key in _tables:
        return _tables[key]
    low = k.lower()
    if low == "d":
        t = _DIGITS
    elif low == "w":
        t = _WORDCHARS
    else:
        t = _SPACE_ASCII if ascii_mode else _SPACE_UNICODE
    if k != low:
        t = _complement(t)
    _tables[key] = t
    return t


def _ranges(text):
    out = []
    for item in text.split(","):
        if not item:
            continue
        if "-" in item:
            lo, hi = item.split("-")
            out.append((int(lo, 16), int(hi, 16)))
        else:
            v = int(item, 16)
            out.append((v, v))
    return out


def _unicode_table(name):
    if name not in _tables:
        import _re_unicode
        _tables[name] = _ranges(getattr(_re_unicode, name))
    return _tables[name]


def _in_ranges(ranges, code):
    lo = 0
    hi = len(ranges) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        r = ranges[mid]
        if code < r[0]:
            hi = mid - 1
        elif code > r[1]:
            lo = mid + 1
        else:
            return True
    return False


def _uni_category(k, c, ascii_mode):
    # \d \w \s (and their capital negations) for a character past ASCII.
    low = k.lower()
    if ascii_mode:
        hit = False
    elif low == "d":
        hit = _in_ranges(_unicode_table("_DECIMAL_TABLE"), ord(c))
    elif low == "w":
        hit = _in_ranges(_unicode_table("_WORD_TABLE"), ord(c))
    else:
        import _re_unicode
        hit = c in _re_unicode._SPACES
    return hit if k == low else not hit


def _uni(u, c):
    if u is None:
        return False
    hit = c in u[0]
    if not hit:
        for r in u[1]:
            if r[0] <= c <= r[1]:
                hit = True
                break
    if not hit:
        for k in u[2]:
            if _uni_category(k, c, u[4]):
                hit = True
                break
    return hit != u[3]


def _is_word(c, ascii_mode):
    if c < "\x80":
        return c in _WORDCHARS
    return not ascii_mode and _in_ranges(_unicode_table("_WORD_TABLE"), ord(c))


def _class_test(items, negate, flags):
    ascii_mode = bool(flags & _A)
    table = ""
    singles = ""
    ranges = []
    cats = ""
    for it in items:
        k = it[0]
        if k == "lit":
            if it[1] < "\x80":
                table += it[1]
            else:
                singles += it[1]
        elif k == "range":
            lo = it[1]
            hi = it[2]
            if lo < "\x80":
                table += _ASCII[ord(lo):min(ord(hi), 127) + 1]
            if hi >= "\x80":
                ranges.append((max(lo, "\x80"), hi))
        else:
            table += _cat_table(it[1], ascii_mode)
            cats += it[1]
    if flags & _I:
        table = table + table.lower() + table.upper()
    if negate:
        table = _complement(table)
    uni = None
    if singles or ranges or cats or negate:
        uni = (singles, ranges, cats, negate, ascii_mode)
    return (table, uni)


def _char_test(node, flags):
    # The (table, uni) of a one-character node, or None for other nodes.
    k = node[0]
    if k == "lit":
        c = node[1]
        if c >= "\x80":
            return ("", (c, [], "", False, False))
        if flags & _I:
            return (c.lower() + c.upper(), None)
        return (c, None)
    if k == "any":
        if flags & _S:
            return (_ASCII, _ALL_UNI)
        return (_complement("\n"), _ALL_UNI)
    if k == "in":
        return _class_test(node[1], node[2], flags)
    if k == "cat":
        return _class_test([node], False, flags)
    return None


class _Compiler:
    def __init__(self, groups):
        self.next_slot = 2 * groups
        self.lower = False

    def slot(self):
        s = self.next_slot
        self.next_slot += 1
        return s

    def emit(self, code, node, flags):
        k = node[0]
        if k == "seq":
            items = node[1]
            i = 0
            while i < len(items):
                j = i
                while j < len(items) and items[j][0] == "lit":
                    j += 1
                if j - i >= 2:
                    self.literal(code, "".join([it[1] for it in items[i:j]]), flags)
                    i = j
                else:
                    self.emit(code, items[i], flags)
                    i += 1
        elif k == "lit":
            self.literal(code, node[1], flags)
        elif k in ("any", "in", "cat"):
            t = _char_test(node, flags)
            code.append([1, t[0], t[1]])
        elif k == "group":
            if node[1] is None:
                self.emit(code, node[2], flags)
            else:
                g = node[1]
                code.append([6, 2 * g, 0])
                self.emit(code, node[2], flags)
                code.append([6, 2 * g + 1, g])
        elif k == "alt":
            jumps = []
            branches = node[1]
            for i in range(len(branches)):
                if i < len(branches) - 1:
                    split = len(code)
                    code.append([4, split + 1, None])
                    self.emit(code, branches[i], flags)
                    jumps.append(len(code))
                    code.append([5, None])
                    code[split][2] = len(code)
                else:
                    self.emit(code, branches[i], flags)
            for j in jumps:
                code[j][1] = len(code)
        elif k == "rep":
            self.repeat(code, node[1], node[2], node[3], node[4], flags)
        elif k == "at":
            code.append([8, self.anchor(node[1], flags)])
        elif k == "flags":
            self.emit(code, node[3], (flags | node[1]) & ~node[2])
        elif k == "ref":
            icase = bool(flags & _I)
            self.lower = self.lower or icase
            code.append([10, node[1], icase])
        elif k == "look":
            sub = self.program(node[3], flags)
            code.append([11, sub, node[1], node[2], node[4][0]])
        elif k == "atomic":
            code.append([12, self.program(node[1], flags)])
        elif k == "cond":
            at = len(code)
            code.append([13, node[1], None])
            self.emit(code, node[2], flags)
            if node[3] is not None:
                jump = len(code)
                code.append([5, None])
                code[at][2] = len(code)
                self.emit(code, node[3], flags)
                code[jump][1] = len(code)
            else:
                code[at][2] = len(code)
        if len(code) > _MAX_PROGRAM:
            raise NotImplementedError("not supported in initlab: a regular expression this large "
                                      "(its repeat counts expand to more than 100000 steps)")

    def program(self, node, flags):
        sub = []
        self.emit(sub, node, flags)
        sub.append([7])
        return sub

    def literal(self, code, text, flags):
        icase = bool(flags & _I)
        if icase:
            text = text.lower()
            self.lower = True
        if len(text) == 1:
            code.append([0, text, icase])
        else:
            code.append([2, list(text), len(text), icase])

    def anchor(self, kind, flags):
        if kind == "bol":
            return 1 if flags & _M else 0
        if kind == "eol":
            return 3 if flags & _M else 2
        if kind == "A":
            return 4
        if kind == "Z":
            return 5
        if kind == "b":
            return 8 if flags & _A else 6
        return 9 if flags & _A else 7

    def repeat(self, code, mn, mx, mode, item, flags):
        if mode == "possessive":
            sub = []
            self.repeat(sub, mn, mx, "greedy", item, flags)
            sub.append([7])
            code.append([12, sub])
            return
        lazy = mode == "lazy"
        t = _char_test(item, flags)
        if t is not None:
            code.append([3, t[0], t[1], mn, mx, 1 if lazy else 0, None])
            return
        for _ in range(mn):
            self.emit(code, item, flags)
        if mx == mn:
            return
        if mx < 0:
            mark = self.slot()
            top = len(code)
            code.append([4, top + 1, None])
            code.append([6, mark, 0])
            self.emit(code, item, flags)
            check = len(code)
            code.append([9, mark, None])
            code.append([5, top])
            out = len(code)
            code[top] = [4, out, top + 1] if lazy else [4, top + 1, out]
            code[check][2] = out
            return
        splits = []
        for _ in range(mx - mn):
            splits.append(len(code))
            code.append(None)
            self.emit(code, item, flags)
        out = len(code)
        for s in splits:
            code[s] = [4, out, s + 1] if lazy else [4, s + 1, out]


def _set_follows(code):
    # A run gives characters back (greedy) or takes more (lazy) one at a time; when what comes
    # next must start with one known character, only the places where it stands are tried.
    for ins in code:
        op = ins[0]
        if op == 11 or op == 12:
            _set_follows(ins[1])
    for i in range(len(code)):
        ins = code[i]
        if ins[0] != 3:
            continue
        j = i + 1
        while code[j][0] == 6:
            j += 1
        nxt = code[j]
        op = nxt[0]
        if op == 0 and not nxt[2]:
            ins[6] = nxt[1]
        elif op == 2 and not nxt[3]:
            ins[6] = nxt[1][0]
        elif (op == 1 or (op == 3 and nxt[3] >= 1)) and len(nxt[1]) == 1 and nxt[2] is None:
            ins[6] = nxt[1]


def _first_set(code):
    # The characters a match can start with, as (ASCII table, [uni tests]); None when a match
    # may be empty or start with anything.
    table = ""
    unis = []
    todo = [0]
    seen = set()
    while todo:
        pc = todo.pop()
        if pc in seen:
            continue
        seen.add(pc)
        ins = code[pc]
        op = ins[0]
        if op == 6 or op == 8 or op == 11:
            todo.append(pc + 1)
        elif op == 0 or op == 2:
            c = ins[1] if op == 0 else ins[1][0]
            if c >= "\x80":
                unis.append((c, [], "", False, False))
            else:
                table += c + c.upper() if ins[-1] else c
        elif op == 1 or op == 3:
            table += ins[1]
            if ins[2] is not None:
                unis.append(ins[2])
            if op == 3 and ins[3] == 0:
                todo.append(pc + 1)
        elif op == 4:
            todo.append(ins[2])
            todo.append(ins[1])
        elif op == 5:
            todo.append(ins[1])
        elif op == 9 or op == 13:
            todo.append(pc + 1)
            todo.append(ins[2])
        else:
            return None
    return (table, unis)


class Program:
    def __init__(self, tree, flags, groups):
        c = _Compiler(groups)
        self.code = c.program(tree, flags)
        _set_follows(self.code)
        self.nslots = c.next_slot
        self.lower = c.lower
        self.anchored = False
        self.first = None
        code = self.code
        i = 0
        while code[i][0] in (6, 8, 11):
            if code[i][0] == 8 and code[i][1] in (0, 4) and self.first is None:
                self.anchored = True
            i += 1
        ins = code[i]
        if (ins[0] == 0 or ins[0] == 2) and not ins[-1]:
            self.first = (0, ins[1] if ins[0] == 0 else "".join(ins[1]))
        else:
            found = _first_set(code)
            if found is not None:
                self.first = (1, _complement(found[0]), found[1])


def _span(s, chars, p, lim, table, uni):
    # The end of the run of matching characters from p (at most lim).
    while p < lim:
        seg = s[p:lim]
        q = p + len(seg) - len(seg.lstrip(table))
        if q >= lim:
            return lim
        c = chars[q]
        if c < "\x80" or uni is None or not _uni(uni, c):
            return q
        p = q + 1
    return p


def _skip(s, chars, p, end, comp, unis):
    # The first position from p whose character can start a match (-1 for none).
    while p < end:
        seg = s[p:end]
        q = p + len(seg) - len(seg.lstrip(comp))
        if q >= end:
            return -1
        c = chars[q]
        if c < "\x80":
            return q
        for u in unis:
            if _uni(u, c):
                return q
        p = q + 1
    return -1


def _at(k, chars, pos, end):
    if k == 0 or k == 4:
        return pos == 0
    if k == 1:
        return pos == 0 or chars[pos - 1] == "\n"
    if k == 2:
        return pos == end or (pos == end - 1 and chars[pos] == "\n")
    if k == 3:
        return pos == end or chars[pos] == "\n"
    if k == 5:
        return pos == end
    ascii_mode = k >= 8
    before = pos > 0 and _is_word(chars[pos - 1], ascii_mode)
    after = pos < end and _is_word(chars[pos], ascii_mode)
    return (before != after) == (k == 6 or k == 8)


def _run(code, s, chars, lchars, pos, end, slots, full, adv):
    # The end of a match of code from pos (slots then hold its captures), or -1.
    stack = []
    pc = 0
    while True:
        ins = code[pc]
        op = ins[0]
        if op == 0:
            if pos < end and (lchars if ins[2] else chars)[pos] == ins[1]:
                pos += 1
                pc += 1
                continue
        elif op == 1:
            if pos < end:
                c = chars[pos]
                if (c in ins[1]) if c < "\x80" else _uni(ins[2], c):
                    pos += 1
                    pc += 1
                    continue
        elif op == 2:
            n = ins[2]
            if pos + n <= end and (lchars if ins[3] else chars)[pos:pos + n] == ins[1]:
                pos += n
                pc += 1
                continue
        elif op == 6:
            k = ins[1]
            stack.append((-1, k, slots[k]))
            slots[k] = pos
            if ins[2]:
                stack.append((-1, 0, slots[0]))
                slots[0] = ins[2]
            pc += 1
            continue
        elif op == 4:
            stack.append((ins[2], pos))
            pc = ins[1]
            continue
        elif op == 3:
            mx = ins[4]
            lim = end if mx < 0 or pos + mx > end else pos + mx
            lo = pos + ins[3]
            if lo <= lim:
                p = _span(s, chars, pos, lim, ins[1], ins[2])
                f = ins[6]
                if ins[5] == 0:
                    if f is not None and p >= lo and (p >= end or chars[p] != f):
                        p = s.rfind(f, lo, p)
                    if p >= lo:
                        if p > lo:
                            stack.append((-2, pc + 1, lo, p, f))
                        pos = p
                        pc += 1
                        continue
                elif p >= lo:
                    if f is not None and (lo >= end or chars[lo] != f):
                        lo = s.find(f, lo, p + 1 if p < end else end)
                    if lo >= 0:
                        if lo < p:
                            stack.append((-3, pc + 1, lo, p, f))
                        pos = lo
                        pc += 1
                        continue
        elif op == 5:
            pc = ins[1]
            continue
        elif op == 7:
            if pos != adv and (not full or pos == end):
                return pos
        elif op == 8:
            if _at(ins[1], chars, pos, end):
                pc += 1
                continue
        elif op == 9:
            pc = ins[2] if slots[ins[1]] == pos else pc + 1
            continue
        elif op == 10:
            g = 2 * ins[1]
            a = slots[g]
            b = slots[g + 1]
            if a >= 0 and b >= 0:
                n = b - a
                src = lchars if ins[2] else chars
                if pos + n <= end and src[pos:pos + n] == src[a:b]:
                    pos += n
                    pc += 1
                    continue
        elif op == 11:
            start = pos if ins[2] else pos - ins[4]
            found = slots[:]
            ok = start >= 0 and _run(ins[1], s, chars, lchars, start, end, found, False, -1) >= 0
            if ok != ins[3]:
                if ok:
                    for i in range(len(found)):
                        if found[i] != slots[i]:
                            stack.append((-1, i, slots[i]))
                            slots[i] = found[i]
                pc += 1
                continue
        elif op == 12:
            found = slots[:]
            e = _run(ins[1], s, chars, lchars, pos, end, found, False, -1)
            if e >= 0:
                for i in range(len(found)):
                    if found[i] != slots[i]:
                        stack.append((-1, i, slots[i]))
                        slots[i] = found[i]
                pos = e
                pc += 1
                continue
        elif op == 13:
            g = 2 * ins[1]
            pc = pc + 1 if slots[g] >= 0 and slots[g + 1] >= 0 else ins[2]
            continue
        # No match here: back to the latest choice.
        while True:
            if not stack:
                return -1
            e = stack.pop()
            k = e[0]
            if k >= 0:
                pc = k
                pos = e[1]
                break
            if k == -1:
                slots[e[1]] = e[2]
                continue
            if k == -2:
                lo = e[2]
                f = e[4]
                p = e[3] - 1 if f is None else s.rfind(f, lo, e[3])
                if p < lo:
                    continue
                if p > lo:
                    stack.append((-2, e[1], lo, p, f))
                pos = p
                pc = e[1]
                break
            f = e[4]
            hi = e[3]
            p = e[2] + 1 if f is None else s.find(f, e[2] + 1, hi + 1 if hi < end else end)
            if p < 0:
                continue
            if p < hi:
                stack.append((-3, e[1], p, hi, f))
            pos = p
            pc = e[1]
            break


def search(prog, s, chars, lchars, pos, end, full, adv_at, anchored):
    """(start, end, slots) of the first match starting in [pos, end], or None. anchored: only
    at pos (match, fullmatch); adv_at: the position where an empty match does not count."""
    code = prog.code
    n = prog.nslots
    first = None if anchored else prog.first
    once = anchored or prog.anchored
    p = pos
    while p <= end:
        if first is not None:
            if first[0] == 0:
                p = s.find(first[1], p, end)
            else:
                p = _skip(s, chars, p, end, first[1], first[2])
            if p < 0:
                return None
        slots = [-1] * n
        e = _run(code, s, chars, lchars, p, end, slots, full, p if p == adv_at else -1)
        if e >= 0:
            return (p, e, slots)
        if once:
            return None
        p += 1
    return None
