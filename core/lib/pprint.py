# pprint: pprint, pformat, pp, saferepr and PrettyPrinter, laying out dicts, lists, tuples,
# sets and long strings over lines as CPython's pprint does (width 80, dict keys sorted).
import sys as _sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                  underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def getvalue(self):
        return "".join(self.parts)


def _sorted(items, key=None):
    # Sorted when the items compare, else in a fixed order by type name (CPython falls back
    # on type names and ids for mixed types).
    try:
        return sorted(items, key=key)
    except TypeError:
        pick = key if key is not None else (lambda x: x)
        return sorted(items, key=lambda x: (type(pick(x)).__name__, repr(pick(x))))


def _recursion(obj):
    return f"<Recursion on {type(obj).__name__} with id={id(obj)}>"


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        if stream is not None:
            out = _Collector()
            self._format(object, out, 0, 0, {}, 0)
            out.write("\n")
            stream.write(out.getvalue())

    def pformat(self, object):
        out = _Collector()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, dict(context), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            kind = type(object)
            handler = None
            if kind is dict:
                handler = self._pprint_dict
            elif kind is list:
                handler = self._pprint_list
            elif kind is tuple:
                handler = self._pprint_tuple
            elif kind is set or kind is frozenset:
                handler = self._pprint_set
            elif kind is str:
                handler = self._pprint_str
            if handler is not None:
                context[objid] = 1
                handler(object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write("{")
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        if len(object):
            items = list(object.items())
            if self._sort_dicts:
                items = _sorted(items, key=lambda kv: kv[0])
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.write("}")

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i in range(len(items)):
            key, ent = items[i]
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.write(rep)
            stream.write(": ")
            self._format(ent, stream, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                stream.write(delimnl)

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write("]")

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write("(")
        endchar = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.write(endchar)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        if type(object) is set:
            stream.write("{")
            endchar = "}"
        else:
            stream.write("frozenset({")
            endchar = "})"
            indent += len("frozenset") + 1
        items = _sorted(list(object))
        self._format_items(items, stream, indent, allowance + len(endchar), context, level)
        stream.write(endchar)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        rep = ""
        for i in range(len(lines)):
            line = lines[i]
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
                continue
            parts = _words_with_spaces(line)
            max_width2 = max_width
            current = ""
            for j in range(len(parts)):
                candidate = current + parts[j]
                if j == len(parts) - 1 and i == len(lines) - 1:
                    max_width2 -= allowance
                if len(repr(candidate)) > max_width2:
                    if current:
                        chunks.append(repr(current))
                    current = parts[j]
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write("(")
        for i in range(len(chunks)):
            if i > 0:
                stream.write("\n" + " " * indent)
            stream.write(chunks[i])
        if level == 1:
            stream.write(")")

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        items = list(items)
        for k in range(len(items)):
            ent = items[k]
            last = k == len(items) - 1
            if last:
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    stream.write(delim)
                    delim = ", "
                    stream.write(rep)
                    continue
            stream.write(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, context, level)

    def _safe_repr(self, object, context, maxlevels, level):
        # (repr, readable, recursive), with dict keys sorted and nesting cut at maxlevels.
        kind = type(object)
        if kind is int and self._underscore_numbers:
            return (f"{object:_d}", True, False)
        if kind is dict:
            if not object:
                return ("{}", True, False)
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return ("{...}", False, objid in context)
            if objid in context:
                return (_recursion(object), False, True)
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            items = list(object.items())
            if self._sort_dicts:
                items = _sorted(items, key=lambda kv: kv[0])
            for k, v in items:
                krepr, kreadable, krecur = self._safe_repr(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = self._safe_repr(v, context, maxlevels, level)
                components.append(f"{krepr}: {vrepr}")
                readable = readable and kreadable and vreadable
                recursive = recursive or krecur or vrecur
            del context[objid]
            return ("{" + ", ".join(components) + "}", readable, recursive)
        if kind is list or kind is tuple:
            if kind is list:
                if not object:
                    return ("[]", True, False)
                fmt = "[%s]"
            elif len(object) == 1:
                fmt = "(%s,)"
            else:
                if not object:
                    return ("()", True, False)
                fmt = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return (fmt % "...", False, objid in context)
            if objid in context:
                return (_recursion(object), False, True)
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self._safe_repr(o, context, maxlevels, level)
                components.append(orepr)
                readable = readable and oreadable
                recursive = recursive or orecur
            del context[objid]
            return (fmt % ", ".join(components), readable, recursive)
        rep = repr(object)
        return (rep, bool(rep) and not rep.startswith("<"), False)


def _words_with_spaces(line):
    # The line as alternating runs: non-space characters then the spaces after them.
    parts = []
    current = ""
    in_space = False
    for c in line:
        if c.isspace():
            in_space = True
            current += c
        else:
            if in_space:
                parts.append(current)
                current = ""
                in_space = False
            current += c
    if current:
        parts.append(current)
    return parts
