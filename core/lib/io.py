# io: StringIO, an in-memory text file (write, read, readline, readlines, iteration, seek, tell,
# truncate, getvalue, with), and the io classes for isinstance. initlab has no bytes and the
# playground no files: BytesIO, open and the file wrappers raise NotImplementedError.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        lines = []
        while True:
            line = self.readline()
            if not line:
                return iter(lines)
            lines.append(line)

    def _check_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _check_open(self):
        # StringIO's own methods word it without the period, as CPython's C code does.
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        pass

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None


class StringIO(TextIOBase):
    """An in-memory text stream."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._buf = ""
        self._pos = 0
        self.closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _translate(self, s):
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        s = self._translate(s)
        buf = self._buf
        pos = self._pos
        if pos == len(buf):
            self._buf = buf + s
        else:
            if pos > len(buf):
                buf = buf + "\0" * (pos - len(buf))
            self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def getvalue(self):
        self._check_open()
        return self._buf

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(self._pos + size, len(self._buf))
        if self._pos >= end:
            return ""
        out = self._buf[self._pos:end]
        self._pos = end
        return out

    def _line_end(self, start):
        buf = self._buf
        if self._newline == "":
            i = start
            while i < len(buf):
                if buf[i] == "\n":
                    return i + 1
                if buf[i] == "\r":
                    return i + 2 if buf[i + 1:i + 2] == "\n" else i + 1
                i += 1
            return len(buf)
        sep = "\n" if self._newline is None else self._newline
        i = buf.find(sep, start)
        return len(buf) if i < 0 else i + len(sep)

    def readline(self, size=-1):
        self._check_open()
        if self._pos >= len(self._buf):
            return ""
        end = self._line_end(self._pos)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buf[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        self._check_closed()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._buf = self._buf[:size]
        return size

    def close(self):
        self.closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    @property
    def line_buffering(self):
        return False

    def detach(self):
        raise UnsupportedOperation("detach")


class BytesIO(BufferedIOBase):
    def __init__(self, initial_bytes=None):
        raise NotImplementedError("not supported in initlab: io.BytesIO (initlab has no bytes type)")


class TextIOWrapper(TextIOBase):
    def __init__(self, buffer, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: io.TextIOWrapper (the playground has no files)")


class FileIO(RawIOBase):
    def __init__(self, file, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: io.FileIO (the playground has no files)")


class BufferedReader(BufferedIOBase):
    def __init__(self, raw, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: io.BufferedReader (the playground has no files)")


class BufferedWriter(BufferedIOBase):
    def __init__(self, raw, *args, **kwargs):
        raise NotImplementedError("not supported in initlab: io.BufferedWriter (the playground has no files)")


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    raise NotImplementedError("not supported in initlab: open() (the playground runs only the code in the editor)")


def open_code(path):
    raise NotImplementedError("not supported in initlab: io.open_code (the playground has no files)")


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding
