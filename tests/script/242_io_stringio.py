# io.StringIO: write, read, readline(s), iteration, seek/tell, truncate, newline modes, print(file=...), with.
import io
from io import StringIO
buf = StringIO()
print(buf.write("hello\n"), buf.write("world\n"), buf.tell())
print("printed", 1, 2, file=buf)
print(repr(buf.getvalue()))
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), repr(buf.read()), repr(buf.read()))
buf.seek(0)
print([line for line in buf], buf.tell())
s = StringIO("line 1\nline 2\nlast")
print(s.readlines(), s.tell(), s.seek(0), s.readlines(8))
s = StringIO("hello")
s.write("J")
print(s.getvalue(), s.tell(), s.seek(0, 2), s.write("!"), s.getvalue())
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.readable(), s.writable(), s.seekable(), s.isatty())
s.seek(8)
s.write("x")
print(repr(s.getvalue()))
with StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
try:
    StringIO().write(3)
except TypeError as e:
    print("TypeError", e)
try:
    StringIO("abc").seek(1, 1)
except OSError as e:
    print("OSError", e)
t = StringIO("a\r\nb\rc\n", newline=None)
print(repr(t.getvalue()), t.readlines())
u = StringIO(newline="")
u.write("x\r\ny\rz")
u.seek(0)
print(u.readlines())
n = StringIO("one\ntwo\n")
print(next(n), next(n), end="")
print(isinstance(buf, io.TextIOBase), isinstance(buf, io.IOBase), io.SEEK_END, issubclass(io.UnsupportedOperation, OSError))
lines = StringIO()
lines.writelines(["a\n", "b\n"])
print(repr(lines.getvalue()))

# CPython 3.11 printed:
# expect: 6 6 12
# expect: 'hello\nworld\nprinted 1 2\n'
# expect: 'hello\n' 'wor' 'ld\nprinted 1 2\n' ''
# expect: ['hello\n', 'world\n', 'printed 1 2\n'] 24
# expect: ['line 1\n', 'line 2\n', 'last'] 18 0 ['line 1\n', 'line 2\n']
# expect: Jello 1 5 1 Jello!
# expect: 2 'Je' True True True False
# expect: 'Je\x00\x00\x00\x00\x00\x00x'
# expect: ctx False
# expect: True
# expect: ValueError I/O operation on closed file
# expect: TypeError string argument expected, got 'int'
# expect: OSError Can't do nonzero cur-relative seeks
# expect: 'a\nb\nc\n' ['a\n', 'b\n', 'c\n']
# expect: ['x\r\n', 'y\r', 'z']
# expect: one
# expect:  two
# expect: True True 2 True
# expect: 'a\nb\n'
