# os: what model files use of it in a page without a file system: os.path, os.environ (empty),
# getenv, sep, name, getcwd, cpu_count. Making or listing files is not possible here.
import os.path as path

sep = "/"
altsep = None
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
linesep = "\n"
devnull = "/dev/null"
name = "posix"
environ = {}


def getenv(key, default=None):
    return environ.get(key, default)


def getcwd():
    return "/"


def cpu_count():
    return 1


def getpid():
    return 1


def _no_files(*args, **kwargs):
    raise NotImplementedError("not supported in initlab: the playground has no file system")


makedirs = mkdir = listdir = remove = unlink = rmdir = rename = walk = scandir = chdir = stat = _no_files
