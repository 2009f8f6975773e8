# os.path: POSIX path arithmetic (join, split, basename, dirname, splitext, normpath ...);
# queries about the file system answer for an empty one.
sep = "/"


def join(a, *p):
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    base = basename(p)
    dot = base.rfind(".")
    if dot <= 0 or base[:dot] == "." * dot:
        return p, ""
    cut = len(p) - len(base) + dot
    return p[:cut], p[cut:]


def isabs(p):
    return p.startswith("/")


def normpath(path):
    if not path:
        return "."
    initial = 1 if path.startswith("/") else 0
    if initial and path.startswith("//") and not path.startswith("///"):
        initial = 2
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    out = "/".join(parts)
    if initial:
        out = "/" * initial + out
    return out or "."


def abspath(p):
    return normpath(p if isabs(p) else join("/", p))


def expanduser(p):
    return p


def expandvars(p):
    return p


def exists(p):
    return False


def isfile(p):
    return False


def isdir(p):
    return p == "/"


def islink(p):
    return False


def getsize(p):
    raise FileNotFoundError(f"[Errno 2] No such file or directory: {p!r}")


def realpath(p):
    return abspath(p)


def relpath(path, start="."):
    return path
