# functools: partial, reduce, wraps/update_wrapper, lru_cache/cache, cached_property,
# total_ordering, cmp_to_key, singledispatch, partialmethod.

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        source = getattr(wrapped, attr, {})
        for k, v in source.items():
            setattr(wrapper, k, v)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def _make_key(args, kwargs, typed):
    key = args
    if kwargs:
        key = key + (_kwd_mark,) + tuple(kwargs.items())
    if typed:
        key = key + tuple(type(v) for v in args) + tuple(type(v) for v in kwargs.values())
    return key


_kwd_mark = ("<kwd_mark>",)


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __repr__(self):
        return f"CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})"


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128, typed)(maxsize)

    def decorating(user_function):
        cache = {}
        order = []
        stats = [0, 0]

        def wrapper(*args, **kwargs):
            key = _make_key(args, kwargs, typed)
            if key in cache:
                stats[0] += 1
                if maxsize is not None:
                    order.remove(key)
                    order.append(key)
                return cache[key]
            stats[1] += 1
            result = user_function(*args, **kwargs)
            if maxsize is None or maxsize > 0:
                cache[key] = result
                order.append(key)
                if maxsize is not None and len(order) > maxsize:
                    del cache[order.pop(0)]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            order.clear()
            stats[0] = stats[1] = 0

        update_wrapper(wrapper, user_function)
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return wrapper

    return decorating


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def cached_property(func):
    # A property whose first read stores the value beside the instance's attributes.
    slot = "_cached_" + func.__name__

    def getter(self):
        try:
            return getattr(self, slot)
        except AttributeError:
            value = func(self)
            setattr(self, slot, value)
            return value

    return property(getter)


def total_ordering(cls):
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]
    if root == "__lt__":
        derived = {"__gt__": lambda a, b: not (a < b) and a != b, "__le__": lambda a, b: a < b or a == b,
                   "__ge__": lambda a, b: not (a < b)}
    elif root == "__le__":
        derived = {"__ge__": lambda a, b: not (a <= b) or a == b, "__lt__": lambda a, b: a <= b and a != b,
                   "__gt__": lambda a, b: not (a <= b)}
    elif root == "__gt__":
        derived = {"__lt__": lambda a, b: not (a > b) and a != b, "__ge__": lambda a, b: a > b or a == b,
                   "__le__": lambda a, b: not (a > b)}
    else:
        derived = {"__le__": lambda a, b: not (a >= b) or a == b, "__gt__": lambda a, b: a >= b and a != b,
                   "__lt__": lambda a, b: not (a >= b)}
    for name, fn in derived.items():
        if name not in roots:
            setattr(cls, name, fn)
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

    return K


def singledispatch(func):
    registry = {}

    def dispatch(cls):
        for klass in getattr(cls, "__mro__", (cls,)):
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, f=None):
        if f is None:
            return lambda g: register(cls, g)
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        return dispatch(type(args[0]))(*args, **kw)

    update_wrapper(wrapper, func)
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    return wrapper
