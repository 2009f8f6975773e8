# statistics: mean, fmean, geometric_mean, harmonic_mean, median (low, high, grouped), mode,
# multimode, quantiles, variance, pvariance, stdev, pstdev, StatisticsError.
#
# CPython computes sums exactly (with fractions) and rounds once; initlab's ints have 64 bits
# and there is no fractions module, so sums of floats are kept exact as lists of
# non-overlapping floats (Shewchuk's partials, with Dekker's exact products) and divided and
# square-rooted with a correction step: the results are CPython's correctly rounded ones
# (barring a tie in the 54th bit). Ints stay ints where CPython's do (mean([1, 2, 3]) is 2).
import math

__all__ = ["NormalDist", "StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median",
           "median_grouped", "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance",
           "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


_SPLIT = 134217729.0  # 2**27 + 1


def _two_prod(a, b):
    # (p, e) with p + e == a * b exactly.
    p = a * b
    t = _SPLIT * a
    ah = t - (t - a)
    al = a - ah
    t = _SPLIT * b
    bh = t - (t - b)
    bl = b - bh
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    return p, e


def _add_exact(partials, x):
    # Adds x to the exact sum held in partials (non-overlapping floats, smallest first).
    i = 0
    for y in partials:
        if abs(x) < abs(y):
            x, y = y, x
        hi = x + y
        lo = y - (hi - x)
        if lo:
            partials[i] = lo
            i += 1
        x = hi
    del partials[i:]
    partials.append(x)


def _round_sum(partials):
    # The exact sum of partials, correctly rounded to a float.
    if not partials:
        return 0.0
    p = list(partials)
    hi = p.pop()
    lo = 0.0
    while p:
        x = hi
        y = p.pop()
        hi = x + y
        yr = hi - x
        lo = y - yr
        if lo:
            break
    if p and ((lo < 0 and p[-1] < 0) or (lo > 0 and p[-1] > 0)):
        y = lo * 2
        x = hi + y
        if y == x - hi:
            hi = x
    return hi


def _exact(values):
    partials = []
    for v in values:
        _add_exact(partials, float(v))
    return partials


def _div(partials, d):
    # round(sum(partials) / d) for a float d (the division corrected by its exact remainder).
    q = _round_sum(partials) / d
    p, e = _two_prod(q, d)
    rest = list(partials)
    _add_exact(rest, -p)
    _add_exact(rest, -e)
    return q + _round_sum(rest) / d


def _sqrt_div(partials, d):
    # round(sqrt(sum(partials) / d)), refined by one Newton step in exact arithmetic.
    v = _div(partials, d)
    if v <= 0:
        return math.sqrt(v) if v == 0 else float("nan")
    s = math.sqrt(v)
    a, b = _two_prod(s, s)
    rest = list(partials)
    for x in (a, b):
        p, e = _two_prod(x, d)
        _add_exact(rest, -p)
        _add_exact(rest, -e)
    return s + (_round_sum(rest) / d) / (2 * s)


def _numbers(data, name):
    data = list(data)
    for x in data:
        if not isinstance(x, (int, float)):
            raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")
    return data


def _all_ints(data):
    for x in data:
        if not isinstance(x, int):
            return False
    return True


def _int_to_partials(n):
    # An int as an exact sum of floats.
    hi = float(n)
    rest = n - int(hi)
    parts = [float(rest), hi] if rest else [hi]
    return parts


def mean(data):
    data = _numbers(data, "mean")
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    if _all_ints(data):
        total = sum([int(x) for x in data])
        if total % n == 0:
            return total // n
        return _div(_int_to_partials(total), float(n))
    return _div(_exact(data), float(n))


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        n = len(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return _round_sum(_exact(data)) / n
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    products = []
    for x, w in zip(data, weights):
        p, e = _two_prod(float(x), float(w))
        _add_exact(products, p)
        _add_exact(products, e)
    total = _round_sum(_exact(weights))
    if not total:
        raise StatisticsError("sum of weights must be non-zero")
    return _round_sum(products) / total


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers") from None


def harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if weights is None:
        weights = [1] * n
    weights = list(weights)
    if len(weights) != n:
        raise StatisticsError("Number of weights does not match data size")
    for x in data:
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
    if n == 1 and weights[0] == 1:
        return data[0]
    for x in data:
        if x == 0:
            return 0
    total_w = _round_sum(_exact(weights))
    if total_w <= 0:
        raise StatisticsError("Weighted sum must be positive")
    inverse = _exact([w / x for w, x in zip(weights, data)])
    # round(total_w / sum(inverse)), the division corrected by its exact remainder.
    s = _round_sum(inverse)
    q = total_w / s
    rest = [total_w]
    for t in inverse:
        a, b = _two_prod(q, t)
        _add_exact(rest, -a)
        _add_exact(rest, -b)
    return q + _round_sum(rest) / s


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n == 1:
        return data[0]
    x = data[n // 2]
    for obj in (x, interval):
        if isinstance(obj, str):
            raise TypeError(f"expected number but got {obj!r}")
    L = x - interval / 2
    first = data.index(x)
    last = first
    while last + 1 < n and data[last + 1] == x:
        last += 1
    cf = first
    f = last - first + 1
    return L + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    order = []
    for x in data:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
            order.append(x)
    if not order:
        raise StatisticsError("no mode for empty data")
    best = order[0]
    for x in order:
        if counts[x] > counts[best]:
            best = x
    return best


def multimode(data):
    counts = {}
    order = []
    for x in data:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
            order.append(x)
    if not order:
        return []
    top = max(counts.values())
    return [x for x in order if counts[x] == top]


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    result = []
    if method == "inclusive":
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f"Unknown method: {method!r}")


def _spread(data, center, sample):
    # (numerator as exact partials or an int, denominator, all ints): the variance is their
    # quotient; n*sum(x*x) - sum(x)**2 over n*(n-1) (or n*n), as CPython's exact formula.
    data = _numbers(data, "variance")
    n = len(data)
    if center is not None:
        # Around a given centre: sum((x - c)**2) over n - 1 (or n), the squares exact.
        den = n - 1 if sample else n
        if _all_ints(data) and isinstance(center, int):
            return sum([(int(x) - int(center)) ** 2 for x in data]), den, True, n
        partials = []
        for x in data:
            hi = float(x) - float(center)
            lo = (float(x) - (hi + float(center))) if abs(float(x)) >= abs(float(center)) else \
                (-float(center) - (hi - float(x)))
            for a, b, k in ((hi, hi, 1.0), (hi, lo, 2.0), (lo, lo, 1.0)):
                p, e = _two_prod(a, b)
                _add_exact(partials, p * k)
                _add_exact(partials, e * k)
        return partials, float(den), False, n
    if _all_ints(data):
        s = 0
        ss = 0
        for x in data:
            s += int(x)
            ss += int(x) * int(x)
        return n * ss - s * s, n * (n - 1) if sample else n * n, True, n
    sx = _exact(data)
    num = []
    for x in data:
        p, e = _two_prod(float(x), float(x))
        for t in (p, e):
            a, b = _two_prod(t, float(n))
            _add_exact(num, a)
            _add_exact(num, b)
    for a in sx:
        for b in sx:
            p, e = _two_prod(a, b)
            _add_exact(num, -p)
            _add_exact(num, -e)
    return num, float(n * (n - 1) if sample else n * n), False, n


def _variance(data, center, sample, name):
    num, den, ints, n = _spread(data, center, sample)
    if n < (2 if sample else 1):
        need = "two data points" if sample else "one data point"
        raise StatisticsError(f"{name} requires at least {need}")
    if ints:
        if num % den == 0:
            return num // den
        return _div(_int_to_partials(num), float(den))
    return _div(num, den)


def _deviation(data, center, sample, name):
    num, den, ints, n = _spread(data, center, sample)
    if n < (2 if sample else 1):
        need = "two data points" if sample else "one data point"
        raise StatisticsError(f"{name} requires at least {need}")
    if ints:
        num = _int_to_partials(num)
        den = float(den)
    return _sqrt_div(num, den)


def variance(data, xbar=None):
    return _variance(data, xbar, True, "variance")


def pvariance(data, mu=None):
    return _variance(data, mu, False, "pvariance")


def stdev(data, xbar=None):
    return _deviation(data, xbar, True, "stdev")


def pstdev(data, mu=None):
    return _deviation(data, mu, False, "pstdev")


class NormalDist:
    def __init__(self, mu=0.0, sigma=1.0):
        raise NotImplementedError("not supported in initlab: statistics.NormalDist")
