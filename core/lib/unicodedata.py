# unicodedata for the characters model and tutorial code normalizes: ASCII, Latin-1,
# Latin Extended-A/B, the combining diacritics (U+0300-036F), Latin Extended Additional and
# the Hangul syllables: normalize (NFC, NFD, NFKC, NFKD), category, combining, decomposition,
# decimal, digit, numeric, is_normalized, with CPython 3.11's data (Unicode 14.0.0, in
# _unicodedata_tables). Characters outside those blocks raise NotImplementedError.
import _unicodedata_tables as _t

unidata_version = "14.0.0"

_COVERED = ((0x00, 0x24F, 0), (0x300, 0x36F, 0x250), (0x1E00, 0x1EFF, 0x2C0))
_HANGUL_S, _HANGUL_L, _HANGUL_V, _HANGUL_T = 0xAC00, 0x1100, 0x1161, 0x11A7
_tables = {}


def _load():
    if _tables:
        return _tables
    names = _t._CATEGORY_NAMES
    _tables["names"] = [names[i:i + 2] for i in range(0, len(names), 2)]
    for key, text in (("canonical", _t._CANONICAL), ("compatibility", _t._COMPATIBILITY)):
        d = {}
        for item in text.split(","):
            if item:
                code, parts = item.split("=")
                d[int(code, 16)] = parts.replace(".", " ")
        _tables[key] = d
    classes = {}
    for item in _t._COMBINING.split(","):
        if item:
            code, k = item.split("=")
            classes[int(code, 16)] = int(k)
    _tables["combining"] = classes
    compose = {}
    skip = [int(x, 16) for x in _t._NO_COMPOSE]
    for code, parts in _tables["canonical"].items():
        pieces = parts.split()
        if len(pieces) == 2 and code not in skip:
            compose[(int(pieces[0], 16), int(pieces[1], 16))] = code
    _tables["compose"] = compose
    return _tables


def _index(code):
    for lo, hi, base in _COVERED:
        if lo <= code <= hi:
            return base + code - lo
    return -1


def _unknown(what, code):
    return NotImplementedError(f"not supported in initlab: unicodedata.{what} of U+{code:04X} (initlab carries "
                               "the data of Latin, combining marks and Hangul only)")


def _check_char(name, chr_):
    if not isinstance(chr_, str) or len(chr_) != 1:
        if isinstance(chr_, str):
            raise TypeError(f"{name}() argument must be a unicode character, not str")
        raise TypeError(f"{name}() argument must be a unicode character, not {type(chr_).__name__}")
    return ord(chr_)


def category(chr):
    code = _check_char("category", chr)
    if _HANGUL_S <= code < _HANGUL_S + 11172:
        return "Lo"
    i = _index(code)
    if i < 0:
        raise _unknown("category", code)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return _load()["names"][letters.index(_t._CATEGORIES[i])]


def combining(chr):
    code = _check_char("combining", chr)
    if _HANGUL_S <= code < _HANGUL_S + 11172:
        return 0
    if _index(code) < 0:
        raise _unknown("combining", code)
    return _load()["combining"].get(code, 0)


def decomposition(chr):
    code = _check_char("decomposition", chr)
    if _HANGUL_S <= code < _HANGUL_S + 11172:
        return ""
    if _index(code) < 0:
        raise _unknown("decomposition", code)
    t = _load()
    if code in t["canonical"]:
        return t["canonical"][code].upper()
    return t["compatibility"].get(code, "").upper().replace("<COMPAT>", "<compat>").replace(
        "<FRACTION>", "<fraction>").replace("<SUPER>", "<super>")


def _value(name, chr, default, allowed):
    _check_char(name, chr)
    if chr in "0123456789":
        return int(chr)
    if default is _missing:
        raise ValueError(allowed)
    return default


_missing = object()


def decimal(chr, default=_missing):
    return _value("decimal", chr, default, "not a decimal")


def digit(chr, default=_missing):
    return _value("digit", chr, default, "not a digit")


def numeric(chr, default=_missing):
    value = _value("numeric", chr, _missing if default is _missing else None, "not a numeric character")
    if value is None:
        return default
    return float(value)


def _class_of(code, t):
    if code < 0x300:
        return 0
    return t["combining"].get(code, 0)


def _decompose(code, compat, t, out):
    if code < 0x80:
        out.append(code)
        return
    if _HANGUL_S <= code < _HANGUL_S + 11172:
        s = code - _HANGUL_S
        out.append(_HANGUL_L + s // 588)
        out.append(_HANGUL_V + (s % 588) // 28)
        if s % 28:
            out.append(_HANGUL_T + s % 28)
        return
    if _index(code) < 0:
        if 0x1100 <= code <= 0x11FF:
            out.append(code)
            return
        raise _unknown("normalize", code)
    parts = t["canonical"].get(code)
    if parts is None and compat:
        parts = t["compatibility"].get(code)
        if parts is not None:
            parts = parts.split(" ", 1)[1]
    if parts is None:
        out.append(code)
        return
    for p in parts.split():
        piece = int(p, 16)
        if _index(piece) < 0 and not (_HANGUL_S <= piece < _HANGUL_S + 11172):
            out.append(piece)
        else:
            _decompose(piece, compat, t, out)


def _reorder(codes, t):
    # Canonical ordering: runs of combining marks sorted by their class, stably.
    i = 0
    n = len(codes)
    while i < n:
        if _class_of(codes[i], t) == 0:
            i += 1
            continue
        j = i
        while j < n and _class_of(codes[j], t) != 0:
            j += 1
        codes[i:j] = sorted(codes[i:j], key=lambda c: _class_of(c, t))
        i = j
    return codes


def _compose_pair(a, b, t):
    if _HANGUL_L <= a < _HANGUL_L + 19 and _HANGUL_V <= b < _HANGUL_V + 21:
        return _HANGUL_S + ((a - _HANGUL_L) * 21 + (b - _HANGUL_V)) * 28
    if _HANGUL_S <= a < _HANGUL_S + 11172 and (a - _HANGUL_S) % 28 == 0 and _HANGUL_T < b < _HANGUL_T + 28:
        return a + (b - _HANGUL_T)
    return t["compose"].get((a, b))


def _compose(codes, t):
    out = []
    starter = -1
    for c in codes:
        cc = _class_of(c, t)
        if starter >= 0:
            between = len(out) - 1 - starter
            last = _class_of(out[-1], t) if between else None
            if not between or (last != 0 and last < cc):
                p = _compose_pair(out[starter], c, t)
                if p is not None:
                    out[starter] = p
                    continue
        if cc == 0:
            starter = len(out)
        out.append(c)
    return out


def normalize(form, unistr):
    if not isinstance(form, str):
        raise TypeError(f"normalize() argument 1 must be str, not {type(form).__name__}")
    if not isinstance(unistr, str):
        raise TypeError(f"normalize() argument 2 must be str, not {type(unistr).__name__}")
    if form not in ("NFC", "NFD", "NFKC", "NFKD"):
        raise ValueError("invalid normalization form")
    if unistr.isascii():
        return unistr
    t = _load()
    compat = form in ("NFKC", "NFKD")
    codes = []
    for ch in unistr:
        _decompose(ord(ch), compat, t, codes)
    codes = _reorder(codes, t)
    if form in ("NFC", "NFKC"):
        codes = _compose(codes, t)
    return "".join([chr(c) for c in codes])


def is_normalized(form, unistr):
    return normalize(form, unistr) == unistr


def _no_data(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError(f"not supported in initlab: unicodedata.{name}")
    return refuse


name = _no_data("name")
lookup = _no_data("lookup")
bidirectional = _no_data("bidirectional")
east_asian_width = _no_data("east_asian_width")
mirrored = _no_data("mirrored")
