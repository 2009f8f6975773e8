# torch.backends.mps: Apple's GPU backend, neither built nor available here.


def is_available():
    return False


def is_built():
    return False
