# time: clocks from the host (the browser's or Node's). sleep() does not block the run: the
# playground's worker has nothing to wait for, so time only moves on as the script runs.
import _initlab


def time():
    return _initlab.time()


def time_ns():
    return int(_initlab.time() * 1e9)


def perf_counter():
    return _initlab.perf_counter()


def perf_counter_ns():
    return int(_initlab.perf_counter() * 1e9)


monotonic = perf_counter
monotonic_ns = perf_counter_ns
process_time = perf_counter
process_time_ns = perf_counter_ns


def sleep(secs):
    if secs < 0:
        raise ValueError("sleep length must be non-negative")


def strftime(format, t=None):
    raise NotImplementedError("not supported in initlab: time.strftime (no calendar in the playground)")


def localtime(secs=None):
    raise NotImplementedError("not supported in initlab: time.localtime (no calendar in the playground)")


gmtime = localtime
