# warnings: warn() goes to the run's warnings (the page's warnings pane), as
# "line N: Category: message" for the user's line; filters, simplefilter, filterwarnings,
# resetwarnings and catch_warnings(record=...) behave as CPython's. The default action shows a
# warning once per (message, category, line), as CPython's "default" filter does.
import _initlab

filters = []
defaultaction = "default"
_onceregistry = set()
_recording = []


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self.category.__name__!r}, filename : "
                f"{self.filename!r}, lineno : {self.lineno}, line : {self.line!r}}}")


def _matches(pattern, text):
    # The message filter is a regular expression matched at the start of the message, without
    # case, as CPython compiles it.
    import re
    return re.compile(pattern, re.I).match(text) is not None


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in ("error", "ignore", "always", "default", "module", "once"):
        raise ValueError(f"invalid action: {action!r}")
    item = (action, message, category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters.clear()


def _action_for(text, category, lineno):
    for action, message, cat, module, line in filters:
        if issubclass(category, cat) and (not message or _matches(message, text)) and (line == 0 or line == lineno):
            return action
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
        text = str(message)
    else:
        text = str(message)
        if category is None:
            category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    lineno = _initlab.user_line()
    action = _action_for(text, category, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message if isinstance(message, Warning) else category(text)
    key = (text, category, lineno)
    if action in ("default", "module", "once"):
        seen_key = key if action == "default" else (text, category)
        if seen_key in _onceregistry:
            return
        _onceregistry.add(seen_key)
    if _recording:
        _recording[-1].append(WarningMessage(message if isinstance(message, Warning) else category(text), category,
                                             "<playground>", lineno, line=_initlab.source_line(lineno)))
        return
    _initlab.emit_warning(f"line {lineno}: {category.__name__}: {text}")


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    warn(message, category)


def showwarning(message, category, filename, lineno, file=None, line=None):
    _initlab.emit_warning(f"line {lineno}: {category.__name__}: {message}")


def formatwarning(message, category, filename, lineno, line=None):
    return f"{filename}:{lineno}: {category.__name__}: {message}\n"


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category
        self._lineno = lineno
        self._append = append

    def __enter__(self):
        self._saved = list(filters)
        self._saved_once = set(_onceregistry)
        if self._action is not None:
            simplefilter(self._action, self._category, self._lineno, self._append)
        if self._record:
            log = []
            _recording.append(log)
            # Every warning is recorded inside, as CPython's catch_warnings(record=True) with
            # simplefilter("always") shows them.
            _onceregistry.clear()
            return log
        return None

    def __exit__(self, *exc_info):
        filters[:] = self._saved
        _onceregistry.clear()
        _onceregistry.update(self._saved_once)
        if self._record:
            _recording.pop()
        return False
