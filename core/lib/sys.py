# sys: the interpreter's facts as initlab runs (CPython 3.11's language), stdout/stderr into
# the output pane, exit() as SystemExit.
import _initlab


class _VersionInfo:
    def __init__(self):
        self.major, self.minor, self.micro, self.releaselevel, self.serial = 3, 11, 2, "final", 0
        self._t = (3, 11, 2, "final", 0)

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 5

    def __eq__(self, other):
        return self._t == tuple(other)

    def __lt__(self, other):
        return self._t < tuple(other)

    def __le__(self, other):
        return self._t <= tuple(other)

    def __gt__(self, other):
        return self._t > tuple(other)

    def __ge__(self, other):
        return self._t >= tuple(other)

    def __repr__(self):
        return "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)"


class _Stream:
    def __init__(self, name):
        self.name = name

    def write(self, text):
        return _initlab.write(text)

    def flush(self):
        pass

    def isatty(self):
        return False


class _FloatInfo:
    max = 1.7976931348623157e308
    min = 2.2250738585072014e-308
    epsilon = 2.220446049250313e-16
    dig = 15
    mant_dig = 53
    max_exp = 1024
    min_exp = -1021
    radix = 2


version_info = _VersionInfo()
version = "3.11.2 (initlab)"
hexversion = 0x30B02F0
platform = "initlab"
byteorder = "little"
maxsize = 9223372036854775807
float_info = _FloatInfo()
argv = [""]
path = []
executable = ""
stdout = _Stream("<stdout>")
stderr = _Stream("<stderr>")
__stdout__ = stdout
__stderr__ = stderr
modules = {}
flags = None


def exit(status=None):
    raise SystemExit(status)


def getrecursionlimit():
    return 100


def setrecursionlimit(limit):
    pass


def getsizeof(obj, default=None):
    raise NotImplementedError("not supported in initlab: sys.getsizeof")
