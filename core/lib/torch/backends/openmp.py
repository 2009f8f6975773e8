# torch.backends.openmp: Debian's PyTorch 1.13 is built with OpenMP.


def is_available():
    return True
