# Members of the native torch namespace that are written in Python. The interpreter reads
# a name here when the native namespace lacks it (torch._assert).


def _assert(condition, message):
    # PyTorch's torch._assert: Python's assert, spelled as a function so that symbolic
    # tracing can see it.
    assert condition, message
