# itertools. count, cycle and repeat without a bound are lazy (classes with __next__), so
# islice and zip over them work; the rest compute their items when called.
class count:
    def __init__(self, start=0, step=1):
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next += self._step
        return value

    def __repr__(self):
        return f"count({self._next!r})" if self._step == 1 else f"count({self._next!r}, {self._step!r})"


class cycle:
    def __init__(self, iterable):
        self._items = list(iterable)
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if not self._items:
            raise StopIteration
        value = self._items[self._i % len(self._items)]
        self._i += 1
        return value


class repeat:
    def __init__(self, object, times=None):
        self._object = object
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

    def __len__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = 0, args[0], 1
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else 1
        else:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        start = 0 if start is None else start
        step = 1 if step is None else step
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._i = 0
        self._next_index = start
        self._stop = stop
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop is not None and self._next_index >= self._stop:
            raise StopIteration
        while self._i <= self._next_index:
            value = next(self._it)
            self._i += 1
        self._next_index += self._step
        return value


def chain(*iterables):
    out = []
    for it in iterables:
        out.extend(it)
    return iter(out)


def _from_iterable(iterables):
    return chain(*list(iterables))


chain.from_iterable = _from_iterable


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    return iter(result)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    out = []

    def build(prefix, used):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(n):
            if i not in used:
                build(prefix + [i], used | {i})

    if r <= n:
        build([], set())
    return iter(out)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []

    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i + 1, prefix + [i])

    if r <= n:
        build(0, [])
    return iter(out)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []

    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i, prefix + [i])

    if n or not r:
        build(0, [])
    return iter(out)


def accumulate(iterable, func=None, *, initial=None):
    out = []
    total = initial
    if initial is not None:
        out.append(initial)
    for i, v in enumerate(iterable):
        if total is None and i == 0 and initial is None:
            total = v
        else:
            total = func(total, v) if func is not None else total + v
        out.append(total)
    return iter(out)


def zip_longest(*iterables, fillvalue=None):
    lists = [list(it) for it in iterables]
    n = max((len(l) for l in lists), default=0)
    return iter([tuple(l[i] if i < len(l) else fillvalue for l in lists) for i in range(n)])


def starmap(function, iterable):
    return iter([function(*args) for args in iterable])


def compress(data, selectors):
    return iter([d for d, s in zip(data, selectors) if s])


def dropwhile(predicate, iterable):
    out = []
    dropping = True
    for x in iterable:
        if dropping and predicate(x):
            continue
        dropping = False
        out.append(x)
    return iter(out)


def takewhile(predicate, iterable):
    out = []
    for x in iterable:
        if not predicate(x):
            break
        out.append(x)
    return iter(out)


def filterfalse(predicate, iterable):
    if predicate is None:
        return iter([x for x in iterable if not x])
    return iter([x for x in iterable if not predicate(x)])


def pairwise(iterable):
    items = list(iterable)
    return iter([(items[i], items[i + 1]) for i in range(len(items) - 1)])


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(list(items)) for _ in range(n))


def groupby(iterable, key=None):
    out = []
    for item in iterable:
        k = item if key is None else key(item)
        if out and out[-1][0] == k:
            out[-1][1].append(item)
        else:
            out.append((k, [item]))
    return iter([(k, iter(group)) for k, group in out])


def batched(iterable, n):
    items = list(iterable)
    return iter([tuple(items[i:i + n]) for i in range(0, len(items), n)])
