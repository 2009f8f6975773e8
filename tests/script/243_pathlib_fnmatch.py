# pathlib: PurePosixPath and Path arithmetic (/, joinpath, parts, name, stem, suffix(es), parent(s),
# with_name/stem/suffix, relative_to, match, ordering); fnmatch.
from pathlib import Path, PurePosixPath, PurePath
import fnmatch
p = PurePosixPath("/usr/lib/python3.11/re/__init__.py")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.anchor, p.root, p.drive)
print(list(p.parents)[:3], p.is_absolute(), p.with_suffix(".pyc"), p.with_name("x.txt"), p.with_stem("main"))
q = PurePosixPath("runs") / "exp1" / "model.ckpt.tar.gz"
print(q, q.suffix, q.suffixes, q.stem, q.parent.parent, q.parent.parent.parent, PurePosixPath("."), PurePosixPath(""))
print(PurePosixPath("a//b/./c/"), PurePosixPath("//a"), PurePosixPath("///a"), PurePosixPath("a", "/b", "c"), PurePosixPath("a/../b"))
print("data" / PurePosixPath("x.csv"), q.joinpath("a", "b"), q.relative_to("runs"), q.is_relative_to("exp1"))
try:
    q.relative_to("other")
except ValueError as e:
    print("ValueError", e)
for bad in ["txt", ".", "a/b"]:
    try:
        q.with_suffix(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    PurePosixPath("/").with_suffix(".x")
except ValueError as e:
    print("ValueError", e)
print(PurePosixPath("a/b") == PurePosixPath("a//b"), PurePosixPath("a") < PurePosixPath("b"), sorted([PurePosixPath("b"), PurePosixPath("a/c")]))
print(PurePosixPath("x.tar.gz").with_suffix(""), PurePosixPath(".bashrc").suffix, PurePosixPath(".bashrc").stem, PurePosixPath("a.").suffixes)
print(PurePath("a/b"), type(PurePath("a")).__name__, PurePosixPath("/").parent, PurePosixPath("/").name, PurePosixPath("a").parent)
print(PurePosixPath("a/b.py").match("*.py"), PurePosixPath("/a/b/c.py").match("b/*.py"), PurePosixPath("/a/b/c.py").match("/*.py"))
path = Path("checkpoints") / "best.pt"
print(path, repr(path), path.exists(), path.is_file(), path.suffix, str(path), path.as_posix())
print(len({PurePosixPath("a"), PurePosixPath("a/")}), hash(PurePosixPath("a/b")) == hash(PurePosixPath("a/b")))
print(fnmatch.fnmatch("model.pt", "*.pt"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"))

# CPython 3.11 printed:
# expect: /usr/lib/python3.11/re/__init__.py PurePosixPath('/usr/lib/python3.11/re/__init__.py') __init__.py __init__ .py ['.py'] /usr/lib/python3.11/re ('/', 'usr', 'lib', 'python3.11', 're', '__init__.py') / / 
# expect: [PurePosixPath('/usr/lib/python3.11/re'), PurePosixPath('/usr/lib/python3.11'), PurePosixPath('/usr/lib')] True /usr/lib/python3.11/re/__init__.pyc /usr/lib/python3.11/re/x.txt /usr/lib/python3.11/re/main.py
# expect: runs/exp1/model.ckpt.tar.gz .gz ['.ckpt', '.tar', '.gz'] model.ckpt.tar runs . . .
# expect: a/b/c //a /a /b/c a/../b
# expect: data/x.csv runs/exp1/model.ckpt.tar.gz/a/b exp1/model.ckpt.tar.gz False
# expect: ValueError 'runs/exp1/model.ckpt.tar.gz' is not in the subpath of 'other' OR one path is relative and the other is absolute.
# expect: ValueError Invalid suffix 'txt'
# expect: ValueError Invalid suffix '.'
# expect: ValueError Invalid suffix 'a/b'
# expect: ValueError PurePosixPath('/') has an empty name
# expect: True True [PurePosixPath('a/c'), PurePosixPath('b')]
# expect: x.tar  .bashrc []
# expect: a/b PurePosixPath /  .
# expect: True True False
# expect: checkpoints/best.pt PosixPath('checkpoints/best.pt') False False .pt checkpoints/best.pt checkpoints/best.pt
# expect: 1 True
# expect: True ['a.py', 'c.py'] False
