# Members of the native torch namespace that are written in Python. The interpreter reads
# a name here when the native namespace lacks it (torch._assert, torch.device). Library
# submodules (torch.cuda, torch.jit, torch.utils) need no entry: a native namespace finds them.
from torch._device import device


def _assert(condition, message):
    # PyTorch's torch._assert: Python's assert, spelled as a function so that symbolic
    # tracing can see it.
    assert condition, message


def LongTensor(*args):
    # torch.LongTensor(data) or torch.LongTensor(*sizes): an int64 tensor.
    import torch as _torch
    if len(args) == 1 and not isinstance(args[0], int):
        return _torch.tensor(args[0], dtype=_torch.long)
    return _torch.zeros(*args, dtype=_torch.long)


# torch.cosine_similarity, torch.pairwise_distance and torch.bilinear are F's functions.
from torch.nn.functional._distance import cosine_similarity, pairwise_distance, bilinear
