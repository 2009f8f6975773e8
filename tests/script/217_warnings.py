# warnings: filters, catch_warnings(record=True), categories, error and ignore actions.
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("deprecated thing", DeprecationWarning)
    warnings.warn(UserWarning("an instance"))
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.warn("shown")
    warnings.warn("hidden", DeprecationWarning)
    warnings.filterwarnings("ignore", message=".*noisy")
    warnings.warn("this is noisy")
print([str(w.message) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", e)
print(issubclass(DeprecationWarning, Warning), issubclass(FutureWarning, Warning), issubclass(Warning, Exception))
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)

# CPython 3.11 printed:
# expect: 3 ['first', 'deprecated thing', 'an instance'] ['UserWarning', 'DeprecationWarning', 'UserWarning']
# expect: ['shown']
# expect: raised: now an error
# expect: True True True
# expect: category must be a Warning subclass, not 'type'
