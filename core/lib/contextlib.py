# contextlib: contextmanager, ContextDecorator, AbstractContextManager, nullcontext, suppress,
# closing, ExitStack.
#
# initlab runs a generator's body to its end at once, so a @contextmanager generator cannot
# stay suspended at its yield between __enter__ and __exit__. A with statement runs it whole
# instead (Interpreter::exec_with_generator): setup, then the with body at the yield, then the
# cleanup, with the body's exception raised at the yield, as in CPython. Entering one any
# other way (calling __enter__ yourself, ExitStack.enter_context) raises NotImplementedError.
from functools import wraps


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A context manager that also decorates a function: each call runs inside it."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


def _not_in_with(what):
    return NotImplementedError(
        f"not supported in initlab: {what} of a @contextmanager outside a with statement (initlab runs "
        "a generator to its end at once, so only a with statement can run the body at its yield)")


class _GeneratorContextManager(ContextDecorator):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.__initlab_generator__ = self.gen
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return _GeneratorContextManager(self.func, self.args, self.kwds)

    def __enter__(self):
        if self.__initlab_generator__ is None:
            # A with statement ran it already; CPython's has deleted its arguments by then.
            raise AttributeError(f"'{type(self).__name__}' object has no attribute 'args'")
        raise _not_in_with("__enter__")

    def __exit__(self, exc_type, exc_value, traceback):
        raise _not_in_with("__exit__")


def contextmanager(func):
    """@contextmanager: a generator function that yields once becomes a context manager."""

    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    raise NotImplementedError("not supported in initlab: asynccontextmanager (async code)")


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target

    def __enter__(self):
        raise NotImplementedError(f"not supported in initlab: contextlib.redirect_{self._stream} "
                                  "(print writes to the output pane)")


class redirect_stdout(_RedirectStream):
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    _stream = "stderr"


class chdir(AbstractContextManager):
    def __init__(self, path):
        self.path = path

    def __enter__(self):
        raise NotImplementedError("not supported in initlab: contextlib.chdir (there is no file system)")


class ExitStack(AbstractContextManager):
    """Callbacks and context managers to exit together, last in first out."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new = ExitStack()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new

    def push(self, exit):
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(lambda *exc: method(exit, *exc))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        enter = getattr(cls, "__enter__", None)
        exit = getattr(cls, "__exit__", None)
        if enter is None or exit is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the context "
                            "manager protocol")
        if isinstance(cm, _GeneratorContextManager):
            raise _not_in_with("ExitStack.enter_context")
        result = enter(cm)
        self._exit_callbacks.append(lambda *exc: exit(cm, *exc))
        return result

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        suppressed = False
        pending = None
        details = exc_details
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*details):
                    suppressed = True
                    pending = None
                    details = (None, None, None)
            except BaseException as e:
                pending = e
                details = (type(e), e, None)
                suppressed = False
        if pending is not None:
            raise pending
        return received and suppressed


class AsyncExitStack:
    def __init__(self):
        raise NotImplementedError("not supported in initlab: AsyncExitStack (async code)")


class aclosing:
    def __init__(self, thing):
        raise NotImplementedError("not supported in initlab: aclosing (async code)")
