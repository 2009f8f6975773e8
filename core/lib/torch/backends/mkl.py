# torch.backends.mkl: Debian's PyTorch 1.13 is built without MKL.


def is_available():
    return False
