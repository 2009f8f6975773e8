# logging: loggers, levels, handlers and formatters that write to the output pane (where
# CPython writes to stderr). logging.warning() before any basicConfig configures the root
# logger as CPython does ("WARNING:root:message"); a named logger with no handler anywhere
# prints the bare message (CPython's last-resort handler).
import _initlab
import time as _time

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
_name_levels = {v: k for k, v in _level_names.items()}
_name_levels["WARN"] = WARNING
_name_levels["FATAL"] = FATAL
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return f"Level {level}"


def addLevelName(level, levelName):
    _level_names[level] = levelName
    _name_levels[levelName] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if str(level) in _name_levels:
        return _name_levels[str(level)]
    raise ValueError(f"Unknown level: {level!r}")


class LogRecord:
    def __init__(self, name, level, msg, args):
        self.name = name
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        self.args = args
        self.lineno = _initlab.user_line()
        self.created = _time.time()
        self.filename = "<playground>"
        self.module = "__main__"
        self.funcName = ""

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    def __init__(self, fmt=None, datefmt=None, style="%"):
        self._fmt = fmt or "%(message)s"
        self.datefmt = datefmt
        self._style = style

    def formatTime(self, record, datefmt=None):
        return f"{record.created:.3f}"

    def format(self, record):
        record.message = record.getMessage()
        values = dict(_initlab.instance_attrs(record))
        values["asctime"] = self.formatTime(record, self.datefmt)
        if self._style == "{":
            return self._fmt.format(**values)
        return self._fmt % values


class Filter:
    def __init__(self, name=""):
        self.name = name

    def filter(self, record):
        return not self.name or record.name == self.name or record.name.startswith(self.name + ".")


class Handler:
    def __init__(self, level=NOTSET):
        self.level = _check_level(level)
        self.formatter = None
        self.filters = []

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def addFilter(self, f):
        self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if record.levelno >= self.level and all(f.filter(record) for f in self.filters):
            self.emit(record)

    def emit(self, record):
        pass

    def flush(self):
        pass

    def close(self):
        pass


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream

    def emit(self, record):
        text = self.format(record) + self.terminator
        if self.stream is not None and hasattr(self.stream, "write"):
            self.stream.write(text)
        else:
            _initlab.write(text)


class NullHandler(Handler):
    def handle(self, record):
        pass


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False):
        raise NotImplementedError("not supported in initlab: logging.FileHandler (the playground has no file system)")


_default_formatter = Formatter()
_last_resort = StreamHandler()


class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = _check_level(level)
        self.handlers = []
        self.filters = []
        self.propagate = True
        self.parent = None
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger is not None:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return not self.disabled and level >= self.getEffectiveLevel()

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        logger = self
        while logger is not None:
            if logger.handlers:
                return True
            logger = logger.parent if logger.propagate else None
        return False

    def addFilter(self, f):
        self.filters.append(f)

    def getChild(self, suffix):
        return getLogger(self.name + "." + suffix if self.name != "root" else suffix)

    def log(self, level, msg, *args, **kwargs):
        level = _check_level(level)
        if not self.isEnabledFor(level):
            return
        record = LogRecord(self.name, level, msg, args)
        if not all(f.filter(record) for f in self.filters):
            return
        found = False
        logger = self
        while logger is not None:
            for h in logger.handlers:
                found = True
                h.handle(record)
            logger = logger.parent if logger.propagate else None
        if not found and level >= WARNING:
            _initlab.write(record.getMessage() + "\n")

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    fatal = critical

    def __repr__(self):
        return f"<Logger {self.name} ({getLevelName(self.getEffectiveLevel())})>"


root = Logger("root", WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == "root":
        return root
    if name not in _loggers:
        logger = Logger(name)
        parent_name = name.rpartition(".")[0]
        logger.parent = getLogger(parent_name) if parent_name else root
        _loggers[name] = logger
    return _loggers[name]


def basicConfig(**kwargs):
    force = kwargs.get("force", False)
    if root.handlers and not force:
        return
    if force:
        root.handlers.clear()
    if "filename" in kwargs:
        raise NotImplementedError("not supported in initlab: logging to a file (the playground has no file system)")
    handler = StreamHandler(kwargs.get("stream"))
    handler.setFormatter(Formatter(kwargs.get("format", BASIC_FORMAT), kwargs.get("datefmt"), kwargs.get("style", "%")))
    root.addHandler(handler)
    if "level" in kwargs:
        root.setLevel(kwargs["level"])


def _root_call(level, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    _root_call(DEBUG, msg, args, kwargs)


def info(msg, *args, **kwargs):
    _root_call(INFO, msg, args, kwargs)


def warning(msg, *args, **kwargs):
    _root_call(WARNING, msg, args, kwargs)


warn = warning


def error(msg, *args, **kwargs):
    _root_call(ERROR, msg, args, kwargs)


def exception(msg, *args, **kwargs):
    _root_call(ERROR, msg, args, kwargs)


def critical(msg, *args, **kwargs):
    _root_call(CRITICAL, msg, args, kwargs)


fatal = critical


def log(level, msg, *args, **kwargs):
    _root_call(level, msg, args, kwargs)


def disable(level=CRITICAL):
    root.disabled = level >= CRITICAL


def captureWarnings(capture):
    pass


def shutdown():
    pass
