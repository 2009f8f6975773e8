# torch.backends.cudnn without CUDA: PyTorch's default flags, and no cuDNN to find.
enabled = True
benchmark = False
deterministic = False
allow_tf32 = True
benchmark_limit = 10


def is_available():
    return False


def version():
    return None


def is_acceptable(tensor):
    return False
