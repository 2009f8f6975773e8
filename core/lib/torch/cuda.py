# torch.cuda on a machine without CUDA, as PyTorch 1.13 built without it behaves: nothing is
# available, seeding is accepted and ignored (PyTorch queues it for a CUDA that never comes),
# and anything that needs a GPU raises PyTorch's own AssertionError, with one line more
# saying where the playground runs.

_NO_CUDA = "Torch not compiled with CUDA enabled"
_CPU_ONLY = "initlab runs PyTorch code on the CPU only: use torch.device('cpu') (or drop .cuda())"


def _lazy_init():
    raise AssertionError(_NO_CUDA + "\n" + _CPU_ONLY)


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def init():
    _lazy_init()


def current_device():
    _lazy_init()


def get_device_name(device=None):
    _lazy_init()


def get_device_properties(device):
    _lazy_init()


def get_device_capability(device=None):
    _lazy_init()


def synchronize(device=None):
    _lazy_init()


def set_device(device):
    raise AttributeError("module 'torch._C' has no attribute '_cuda_setDevice'")


def manual_seed(seed):
    pass


def manual_seed_all(seed):
    pass


def seed():
    pass


def seed_all():
    pass


def empty_cache():
    pass


def memory_allocated(device=None):
    return 0


def max_memory_allocated(device=None):
    return 0


def memory_reserved(device=None):
    return 0


def is_bf16_supported():
    _lazy_init()


class _CudaTensorType:
    # torch.cuda.FloatTensor and its kin: the classes exist, making one fails.
    def __init__(self, name):
        self._name = name

    def __call__(self, *args, **kwargs):
        raise TypeError("type torch.cuda." + self._name + " not available. Torch not compiled with CUDA enabled.")

    def __repr__(self):
        return "<class 'torch.cuda." + self._name + "'>"


FloatTensor = _CudaTensorType("FloatTensor")
DoubleTensor = _CudaTensorType("DoubleTensor")
HalfTensor = _CudaTensorType("HalfTensor")
LongTensor = _CudaTensorType("LongTensor")
IntTensor = _CudaTensorType("IntTensor")
ByteTensor = _CudaTensorType("ByteTensor")
BoolTensor = _CudaTensorType("BoolTensor")
