# json: dumps and loads as CPython's json writes and reads them (indent, sort_keys,
# separators, default, allow_nan); dump and load need a file, which the playground has not.


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1 if hasattr(doc, "count") else 1
        colno = pos - doc.rfind("\n", 0, pos) if "\n" in doc[:pos] else pos + 1
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = '"'
    for c in s:
        if c in _ESCAPES:
            out += _ESCAPES[c]
        elif ord(c) < 0x20 or (ensure_ascii and ord(c) > 0x7E):
            out += "\\u" + format(ord(c), "04x")
        else:
            out += c
    return out + '"'


def _float(f, allow_nan):
    if f != f or f in (float("inf"), float("-inf")):
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return "NaN" if f != f else ("Infinity" if f > 0 else "-Infinity")
    return repr(f)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    item_sep, key_sep = separators
    if isinstance(indent, int):
        indent = " " * indent

    def encode(o, level):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return _quote(o, ensure_ascii)
        if isinstance(o, int):
            return str(o)
        if isinstance(o, float):
            return _float(o, allow_nan)
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            return _wrap("[", "]", [encode(v, level + 1) for v in o], level)
        if isinstance(o, dict):
            if not o:
                return "{}"
            items = list(o.items())
            if sort_keys:
                items = sorted(items, key=lambda kv: kv[0])
            parts = []
            for k, v in items:
                if isinstance(k, str):
                    key = k
                elif isinstance(k, bool) or k is None:
                    key = "true" if k is True else "false" if k is False else "null"
                elif isinstance(k, (int, float)):
                    key = str(k) if isinstance(k, int) else _float(k, allow_nan)
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")
                parts.append(_quote(key, ensure_ascii) + key_sep + encode(v, level + 1))
            return _wrap("{", "}", parts, level)
        if default is not None:
            return encode(default(o), level)
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    def _wrap(open_, close, parts, level):
        if indent is None:
            return open_ + item_sep.join(parts) + close
        inner = "\n" + indent * (level + 1)
        return open_ + inner + (item_sep + inner).join(parts) + "\n" + indent * level + close

    return encode(obj, 0)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    pos = [0]
    n = len(s)

    def skip():
        while pos[0] < n and s[pos[0]] in " \t\n\r":
            pos[0] += 1

    def fail(msg):
        raise JSONDecodeError(msg, s, pos[0])

    def value():
        skip()
        if pos[0] >= n:
            fail("Expecting value")
        c = s[pos[0]]
        if c == "{":
            pos[0] += 1
            pairs = []
            skip()
            if pos[0] < n and s[pos[0]] == "}":
                pos[0] += 1
                return _object(pairs)
            while True:
                skip()
                if pos[0] >= n or s[pos[0]] != '"':
                    fail("Expecting property name enclosed in double quotes")
                key = string()
                skip()
                if pos[0] >= n or s[pos[0]] != ":":
                    fail("Expecting ':' delimiter")
                pos[0] += 1
                pairs.append((key, value()))
                skip()
                if pos[0] < n and s[pos[0]] == ",":
                    pos[0] += 1
                    continue
                if pos[0] < n and s[pos[0]] == "}":
                    pos[0] += 1
                    return _object(pairs)
                fail("Expecting ',' delimiter")
        if c == "[":
            pos[0] += 1
            items = []
            skip()
            if pos[0] < n and s[pos[0]] == "]":
                pos[0] += 1
                return items
            while True:
                items.append(value())
                skip()
                if pos[0] < n and s[pos[0]] == ",":
                    pos[0] += 1
                    continue
                if pos[0] < n and s[pos[0]] == "]":
                    pos[0] += 1
                    return items
                fail("Expecting ',' delimiter")
        if c == '"':
            return string()
        for word, result in (("true", True), ("false", False), ("null", None), ("NaN", float("nan")),
                             ("Infinity", float("inf")), ("-Infinity", float("-inf"))):
            if s[pos[0]:pos[0] + len(word)] == word:
                pos[0] += len(word)
                return result
        start = pos[0]
        if pos[0] < n and s[pos[0]] == "-":
            pos[0] += 1
        while pos[0] < n and s[pos[0]].isdigit():
            pos[0] += 1
        is_float = False
        if pos[0] < n and s[pos[0]] == ".":
            is_float = True
            pos[0] += 1
            while pos[0] < n and s[pos[0]].isdigit():
                pos[0] += 1
        if pos[0] < n and s[pos[0]] in "eE":
            is_float = True
            pos[0] += 1
            if pos[0] < n and s[pos[0]] in "+-":
                pos[0] += 1
            while pos[0] < n and s[pos[0]].isdigit():
                pos[0] += 1
        text = s[start:pos[0]]
        if text in ("", "-"):
            pos[0] = start
            fail("Expecting value")
        if is_float:
            return parse_float(text) if parse_float else float(text)
        return parse_int(text) if parse_int else int(text)

    def string():
        pos[0] += 1
        out = ""
        while True:
            if pos[0] >= n:
                fail("Unterminated string starting at")
            c = s[pos[0]]
            if c == '"':
                pos[0] += 1
                return out
            if c == "\\":
                e = s[pos[0] + 1:pos[0] + 2]
                mapping = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if e in mapping:
                    out += mapping[e]
                    pos[0] += 2
                    continue
                if e == "u":
                    out += chr(int(s[pos[0] + 2:pos[0] + 6], 16))
                    pos[0] += 6
                    continue
                fail("Invalid \\escape")
            out += c
            pos[0] += 1

    def _object(pairs):
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs)
        d = dict(pairs)
        return object_hook(d) if object_hook is not None else d

    result = value()
    skip()
    if pos[0] != n:
        fail("Extra data")
    return result


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
