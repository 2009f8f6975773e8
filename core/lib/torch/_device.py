# torch.device as PyTorch 1.13 defines it (a C++ class there): a device type and an optional
# index, from 'cpu', 'cuda:1', ('cuda', 1), an int (a CUDA index) or another device. Creating
# a CUDA device works on a CPU-only machine, as in PyTorch; moving a tensor there does not.

import _initlab

_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "ort",
          "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone")


def _invalid_combination(got, bad):
    lines = ["Device() received an invalid combination of arguments - got (" + got + "), but expected one of:",
             " * (torch.device device)"]
    if bad:
        lines.append("      didn't match because some of the arguments have invalid types: (!" + got + "!)")
    lines.append(" * (str type, int index)")
    return "\n".join(lines) + "\n"


def _parse(text):
    kind, sep, rest = text.partition(":")
    if kind not in _TYPES:
        raise RuntimeError("Expected one of " + ", ".join(_TYPES) +
                           " device type at start of device string: " + text)
    if not sep:
        return kind, None
    if not rest.isdigit() or (len(rest) > 1 and rest[0] == "0"):
        raise RuntimeError("Invalid device string: '" + text + "'")
    return kind, int(rest)


class device:
    def __init__(self, type=None, index=None):
        if isinstance(type, device) and index is None:
            kind, idx = type.type, type.index
        elif isinstance(type, int) and not isinstance(type, bool) and index is None:
            if type < 0:
                raise RuntimeError("Device index must not be negative")
            kind, idx = "cuda", type
        elif isinstance(type, str):
            kind, idx = _parse(type)
            if index is not None:
                if not isinstance(index, int) or isinstance(index, bool):
                    raise TypeError("Device(): argument 'index' (position 2) must be int, not " + _type_name(index))
                if idx is not None:
                    raise RuntimeError("type (string) must not include an index because index was passed explicitly: " + type)
                if index < 0:
                    raise RuntimeError("Device index must not be negative")
                idx = index
        elif type is None and index is None:
            raise TypeError(_invalid_combination("", False))
        else:
            raise TypeError(_invalid_combination(_type_name(type), True))
        # Read-only as in PyTorch: __setattr__ refuses, so the fields are set past it.
        _initlab.set_instance_attr(self, "type", kind)
        _initlab.set_instance_attr(self, "index", idx)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '" + name + "' of 'torch.device' objects is not writable")

    def __repr__(self):
        if self.index is None:
            return "device(type='" + self.type + "')"
        return "device(type='" + self.type + "', index=" + str(self.index) + ")"

    def __str__(self):
        if self.index is None:
            return self.type
        return self.type + ":" + str(self.index)

    def __eq__(self, other):
        if not isinstance(other, device):
            return False
        return self.type == other.type and self.index == other.index

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.type, self.index))


def _type_name(v):
    return "NoneType" if v is None else v.__class__.__name__


device.__module__ = "torch"
