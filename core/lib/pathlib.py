# pathlib: POSIX path arithmetic as CPython's PurePosixPath does it (joining with / and
# joinpath, parts, name, stem, suffix(es), parent(s), with_name/stem/suffix, relative_to,
# match, comparisons). Path is that arithmetic over the playground's empty file system:
# exists() and is_file() are False, as os.path says; reading, writing and listing raise
# NotImplementedError.
import os as _os

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


def _parse(segments):
    # (root, parts) of the joined segments: '//' stays a root of its own, more slashes are '/',
    # '.' parts and empty parts drop out.
    root = ""
    parts = []
    for seg in segments:
        if isinstance(seg, PurePath):
            seg_root, seg_parts = seg._root, seg._parts
        else:
            if hasattr(seg, "__fspath__"):
                seg = seg.__fspath__()
            if not isinstance(seg, str):
                raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a "
                                f"str, not {type(seg).__name__!r}")
            seg_root = ""
            if seg.startswith("/"):
                seg_root = "//" if seg.startswith("//") and not seg.startswith("///") else "/"
            seg_parts = [p for p in seg.split("/") if p and p != "."]
        if seg_root:
            root = seg_root
            parts = list(seg_parts)
        else:
            parts.extend(seg_parts)
    return root, parts


class PurePath:
    """A path as text, without the file system."""

    _flavour_name = "PurePosixPath"

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        import _initlab
        self = _initlab.new_instance(cls)
        self._root, self._parts = _parse(args)
        self.__initlab_initialized__ = True
        return self

    @classmethod
    def _from_parsed(cls, root, parts):
        import _initlab
        self = _initlab.new_instance(cls)
        self._root = root
        self._parts = list(parts)
        self.__initlab_initialized__ = True
        return self

    def _new(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __str__(self):
        text = self._root + "/".join(self._parts)
        return text or "."

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._root == other._root and self._parts == other._parts

    def __ne__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return not self.__eq__(other)

    def _key(self):
        return [self._root] + self._parts

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parts([key, self])
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return type(self)._from_parts([self] + list(args))

    @property
    def parts(self):
        if self._root:
            return tuple([self._root] + self._parts)
        return tuple(self._parts)

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._new(self._root, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        if not name or "/" in name or name == ".":
            raise ValueError(f"Invalid name {name!r}")
        return self._new(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or (suffix and not suffix.startswith(".")) or suffix == ".":
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        name = name[:len(name) - len(old)] + suffix if old else name + suffix
        return self._new(self._root, self._parts[:-1] + [name])

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)._from_parts(list(other))
        n = len(base._parts)
        if self._root != base._root or self._parts[:n] != base._parts:
            formatted = str(base)
            raise ValueError(f"{str(self)!r} is not in the subpath of {formatted!r} OR one path is relative and "
                             "the other is absolute.")
        return self._new("", self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        import fnmatch
        pattern = type(self)._from_parts([path_pattern])
        if not pattern._parts and not pattern._root:
            raise ValueError("empty pattern")
        if pattern._root:
            if self._root != pattern._root or len(self._parts) != len(pattern._parts):
                return False
        elif len(pattern._parts) > len(self._parts):
            return False
        mine = self._parts[len(self._parts) - len(pattern._parts):]
        for part, pat in zip(mine, pattern._parts):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return "file://" + str(self)


class PurePosixPath(PurePath):
    pass


class PureWindowsPath(PurePath):
    def __new__(cls, *args):
        raise NotImplementedError("not supported in initlab: Windows paths")


def _no_fs(name):
    def refuse(self, *args, **kwargs):
        raise NotImplementedError(f"not supported in initlab: Path.{name} (the playground has no file system)")
    refuse.__name__ = name
    return refuse


class Path(PurePath):
    """A path on the playground's file system, which is empty."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    @classmethod
    def home(cls):
        return cls(_os.path.expanduser("~"))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)._from_parts([_os.getcwd(), self])

    def resolve(self, strict=False):
        return type(self)(_os.path.abspath(str(self)))

    def expanduser(self):
        return self

    def exists(self):
        return _os.path.exists(str(self))

    def is_file(self):
        return _os.path.isfile(str(self))

    def is_dir(self):
        return _os.path.isdir(str(self))

    def is_symlink(self):
        return False

    open = _no_fs("open")
    read_text = _no_fs("read_text")
    read_bytes = _no_fs("read_bytes")
    write_text = _no_fs("write_text")
    write_bytes = _no_fs("write_bytes")
    mkdir = _no_fs("mkdir")
    touch = _no_fs("touch")
    unlink = _no_fs("unlink")
    rmdir = _no_fs("rmdir")
    rename = _no_fs("rename")
    replace = _no_fs("replace")
    iterdir = _no_fs("iterdir")
    glob = _no_fs("glob")
    rglob = _no_fs("rglob")
    stat = _no_fs("stat")


class PosixPath(Path, PurePosixPath):
    pass


class WindowsPath(Path, PureWindowsPath):
    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: Windows paths")
