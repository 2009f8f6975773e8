# torch.backends.mkldnn as Debian's PyTorch 1.13 reports it (oneDNN built in and enabled).
enabled = True


def is_available():
    return True
