# What Module.load_state_dict returns (PyTorch 1.13's torch.nn.modules.module._IncompatibleKeys):
# a namedtuple of the missing and unexpected keys that reads "<All keys matched successfully>"
# when both are empty.
from collections import namedtuple as _namedtuple


class _IncompatibleKeys(_namedtuple('IncompatibleKeys', ['missing_keys', 'unexpected_keys'])):
    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return '<All keys matched successfully>'
        return super().__repr__()

    __str__ = __repr__
