# fnmatch: shell-style wildcards (* ? [seq] [!seq]) matched with re, as CPython's fnmatch does.
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def translate(pat):
    """The regular expression (text) that matches what the wildcard pattern does."""
    out = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
                continue
            stuff = pat[i:j]
            i = j + 1
            if not stuff:
                out.append("(?!)")
                continue
            if stuff == "!":
                out.append(".")
                continue
            stuff = stuff.replace("\\", "\\\\")
            if stuff[0] == "!":
                stuff = "^" + stuff[1:]
            elif stuff[0] in "^[":
                stuff = "\\" + stuff
            out.append("[" + stuff + "]")
        else:
            out.append(re.escape(c))
    return "(?s:" + "".join(out) + ")\\Z"


def fnmatchcase(name, pat):
    return re.match(translate(pat), name) is not None


def fnmatch(name, pat):
    # POSIX file names compare case-sensitively (os.path.normcase changes nothing).
    return fnmatchcase(name, pat)


def filter(names, pat):
    rx = re.compile(translate(pat))
    return [n for n in names if rx.match(n)]
