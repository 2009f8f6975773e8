# glob: shell-style path patterns over the playground's file system, which is empty: glob()
# finds nothing (a pattern without wildcards names a path that os.path.exists does not see).
# escape and has_magic work on the pattern text as CPython's do.
import os

__all__ = ["glob", "iglob", "escape"]

_MAGIC = "*?["


def has_magic(s):
    for c in _MAGIC:
        if c in s:
            return True
    return False


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if not has_magic(pathname):
        return [pathname] if pathname and os.path.exists(pathname) else []
    return []


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return iter(glob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                     include_hidden=include_hidden))


def escape(pathname):
    return "".join(["[" + c + "]" if c in _MAGIC else c for c in pathname])
