# Methods of str, list, dict and set that are written in Python rather than C++: named
# <type>_<method>, found by the interpreter when a value of that type has no native method of
# the name (Interpreter::library_method), and called with the value first, as methods are.

_WHITESPACE = " \t\n\r\x0b\x0c"


def _check_str(name, value):
    if not isinstance(value, str):
        raise TypeError(f"{name} arg must be None or str")


def str_rsplit(self, sep=None, maxsplit=-1):
    if maxsplit < 0:
        return self.split(sep)
    parts = []
    rest = self
    if sep is None:
        rest = rest.rstrip()
        while maxsplit > 0 and rest:
            i = len(rest) - 1
            while i >= 0 and rest[i] not in _WHITESPACE:
                i -= 1
            if i < 0:
                break
            parts.append(rest[i + 1:])
            rest = rest[:i].rstrip()
            maxsplit -= 1
        if rest:
            parts.append(rest)
        parts.reverse()
        return parts
    _check_str("sep", sep)
    if sep == "":
        raise ValueError("empty separator")
    while maxsplit > 0:
        i = rest.rfind(sep)
        if i < 0:
            break
        parts.append(rest[i + len(sep):])
        rest = rest[:i]
        maxsplit -= 1
    parts.append(rest)
    parts.reverse()
    return parts


def str_index(self, sub, start=None, end=None):
    i = self.find(sub) if start is None and end is None else _find_in(self, sub, start, end)
    if i < 0:
        raise ValueError("substring not found")
    return i


def _find_in(self, sub, start, end):
    text = self[start:end]
    i = text.find(sub)
    if i < 0:
        return -1
    offset = 0 if start is None else (start if start >= 0 else max(len(self) + start, 0))
    return i + offset


def str_rindex(self, sub):
    i = self.rfind(sub)
    if i < 0:
        raise ValueError("substring not found")
    return i


def str_zfill(self, width):
    if len(self) >= width:
        return self
    if self[:1] in ("+", "-"):
        return self[0] + "0" * (width - len(self)) + self[1:]
    return "0" * (width - len(self)) + self


def str_swapcase(self):
    return "".join(c.lower() if c.isupper() else c.upper() for c in self)


def str_partition(self, sep):
    _check_str("sep", sep)
    i = self.find(sep)
    if i < 0:
        return (self, "", "")
    return (self[:i], sep, self[i + len(sep):])


def str_rpartition(self, sep):
    _check_str("sep", sep)
    i = self.rfind(sep)
    if i < 0:
        return ("", "", self)
    return (self[:i], sep, self[i + len(sep):])


def str_expandtabs(self, tabsize=8):
    out = ""
    column = 0
    for c in self:
        if c == "\t":
            if tabsize > 0:
                spaces = tabsize - column % tabsize
                out += " " * spaces
                column += spaces
        elif c in "\n\r":
            out += c
            column = 0
        else:
            out += c
            column += 1
    return out


def str_istitle(self):
    cased = False
    previous_cased = False
    for c in self:
        if c.isupper():
            if previous_cased:
                return False
            previous_cased = True
            cased = True
        elif c.islower():
            if not previous_cased:
                return False
            previous_cased = True
            cased = True
        else:
            previous_cased = False
    return cased


def str_isalnum(self):
    return len(self) > 0 and all(c.isalpha() or c.isdigit() for c in self)


def str_isdecimal(self):
    return self.isdigit()


def str_isnumeric(self):
    return self.isdigit()


def str_isidentifier(self):
    if not self or self[0].isdigit():
        return False
    return all(c == "_" or c.isalpha() or c.isdigit() for c in self)


def str_isascii(self):
    return all(ord(c) < 128 for c in self)


def str_isprintable(self):
    return all(c not in "\t\n\r\x0b\x0c" and ord(c) >= 32 for c in self)


def str_casefold(self):
    return self.lower()


def str_removeprefix(self, prefix):
    return self[len(prefix):] if prefix and self.startswith(prefix) else self


def str_removesuffix(self, suffix):
    return self[:len(self) - len(suffix)] if suffix and self.endswith(suffix) else self


def str_splitlines(self, keepends=False):
    lines = []
    line = ""
    i = 0
    while i < len(self):
        c = self[i]
        if c == "\r" and i + 1 < len(self) and self[i + 1] == "\n":
            lines.append(line + ("\r\n" if keepends else ""))
            line = ""
            i += 2
            continue
        if c in "\n\r\x0b\x0c\x1c\x1d\x1e":
            lines.append(line + (c if keepends else ""))
            line = ""
        else:
            line += c
        i += 1
    if line:
        lines.append(line)
    return lines


def str_format_map(self, mapping):
    return self.format(**mapping)


def str_encode(self, encoding="utf-8", errors="strict"):
    raise NotImplementedError("not supported in initlab: bytes (str.encode)")


def list_sort_key(self, key=None, reverse=False):
    self[:] = sorted(self, key=key, reverse=reverse)


def dict_popitem(self):
    if not self:
        raise KeyError("popitem(): dictionary is empty")
    key = list(self.keys())[-1]
    return (key, self.pop(key))


def dict_move_to_end(self, key, last=True):
    value = self.pop(key)
    if last:
        self[key] = value
    else:
        rest = list(self.items())
        self.clear()
        self[key] = value
        self.update(rest)


def dict_fromkeys(iterable, value=None):
    out = {}
    for k in iterable:
        out[k] = value
    return out


def set_symmetric_difference_update(self, other):
    result = self ^ set(other)
    self.clear()
    self.update(result)
