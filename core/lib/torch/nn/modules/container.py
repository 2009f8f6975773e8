# nn.ModuleDict, nn.ParameterList and nn.ParameterDict as PyTorch 1.13 defines them
# (torch/nn/modules/container.py): plain nn.Module subclasses whose entries are the module's own
# children or parameters, so state_dict names, repr, named_modules and subclassing come from
# nn.Module itself. (nn.Sequential and nn.ModuleList are native: core/src/nn/module.cpp.)
import collections.abc as _abc
import torch as _torch
from torch import nn as _nn


def _tensor_type(p):
    # torch.typename of a CPU tensor.
    return {'torch.float32': 'torch.FloatTensor', 'torch.int64': 'torch.LongTensor',
            'torch.bool': 'torch.BoolTensor'}.get(str(p.dtype), 'torch.FloatTensor')


def _entry_line(k, p, type_text):
    if isinstance(p, _torch.Tensor):
        size_str = 'x'.join(str(size) for size in p.size())
        kind = 'Parameter' if isinstance(p, _nn.Parameter) else 'Tensor'
        return '  (' + str(k) + '): ' + kind + ' containing: [' + type_text(p) + ' of size ' + size_str + ']'
    return '  (' + str(k) + '): Object of type: ' + type(p).__name__


class ModuleDict(_nn.Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def _children(self):
        return dict(self.named_children())

    def __getitem__(self, key):
        children = self._children()
        if key not in children:
            raise KeyError(key)
        return children[key]

    def __setitem__(self, key, module):
        if not isinstance(module, _nn.Module) and module is not None:
            raise TypeError(type(module).__name__ + " is not a Module subclass")
        self.add_module(key, module)

    def __delitem__(self, key):
        if key not in self._children():
            raise KeyError(key)
        delattr(self, key)

    def __len__(self):
        return len(self._children())

    def __iter__(self):
        return iter(list(self._children()))

    def __contains__(self, key):
        return key in self._children()

    def clear(self):
        for key in list(self._children()):
            delattr(self, key)

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def keys(self):
        return self._children().keys()

    def items(self):
        return self._children().items()

    def values(self):
        return self._children().values()

    def update(self, modules):
        if not isinstance(modules, _abc.Iterable):
            raise TypeError("ModuleDict.update should be called with an "
                            "iterable of key/value pairs, but got " + type(modules).__name__)
        if isinstance(modules, (ModuleDict, _abc.Mapping)):
            for key, module in modules.items():
                self[key] = module
        else:
            for j, m in enumerate(modules):
                if not isinstance(m, _abc.Iterable):
                    raise TypeError("ModuleDict update sequence element "
                                    "#" + str(j) + " should be Iterable; is" + type(m).__name__)
                if not len(m) == 2:
                    raise ValueError("ModuleDict update sequence element "
                                     "#" + str(j) + " has length " + str(len(m)) + "; 2 is required")
                self[m[0]] = m[1]


class ParameterList(_nn.Module):
    def __init__(self, values=None):
        super().__init__()
        self._size = 0
        if values is not None:
            self.extend(values)

    def _get_abs_string_index(self, idx):
        if not isinstance(idx, int):
            raise TypeError("'" + type(idx).__name__ + "' object cannot be interpreted as an integer")
        if not (-len(self) <= idx < len(self)):
            raise IndexError('index {} is out of range'.format(idx))
        if idx < 0:
            idx += len(self)
        return str(idx)

    def __getitem__(self, idx):
        if not isinstance(idx, int):
            # A slice: a new list of the same class over the chosen entries.
            out = self.__class__()
            for i in list(range(len(self)))[idx]:
                out.append(self[i])
            return out
        return getattr(self, self._get_abs_string_index(idx))

    def __setitem__(self, idx, param):
        idx = self._get_abs_string_index(idx)
        if isinstance(param, _torch.Tensor) and not isinstance(param, _nn.Parameter):
            param = _nn.Parameter(param)
        setattr(self, idx, param)

    def __len__(self):
        return self._size

    def __iter__(self):
        return iter([self[i] for i in range(len(self))])

    def __iadd__(self, parameters):
        return self.extend(parameters)

    def append(self, value):
        new_idx = len(self)
        self._size += 1
        self[new_idx] = value
        return self

    def extend(self, values):
        # A tensor is iterable, but never unpacked here.
        if not isinstance(values, _abc.Iterable) or isinstance(values, _torch.Tensor):
            raise TypeError("ParameterList.extend should be called with an "
                            "iterable, but got " + type(values).__name__)
        for value in values:
            self.append(value)
        return self

    def extra_repr(self):
        return '\n'.join(_entry_line(k, p, lambda t: str(t.dtype)) for k, p in enumerate(self))

    def __call__(self, *args, **kwargs):
        raise RuntimeError('ParameterList should not be called.')


class ParameterDict(_nn.Module):
    def __init__(self, parameters=None):
        super().__init__()
        self._keys = {}
        if parameters is not None:
            self.update(parameters)

    def _key_to_attr(self, key):
        if not isinstance(key, str):
            raise TypeError("Index given to ParameterDict cannot be used as a key as it is "
                            f"not a string (type is '{type(key).__name__}'). Open an issue on "
                            "github if you need non-string keys.")
        return key

    def __getitem__(self, key):
        attr = self._key_to_attr(key)
        if key not in self._keys:
            raise KeyError(key)
        return getattr(self, attr)

    def __setitem__(self, key, value):
        self._keys[key] = None
        attr = self._key_to_attr(key)
        if isinstance(value, _torch.Tensor) and not isinstance(value, _nn.Parameter):
            value = _nn.Parameter(value)
        setattr(self, attr, value)

    def __delitem__(self, key):
        del self._keys[key]
        delattr(self, self._key_to_attr(key))

    def __len__(self):
        return len(self._keys)

    def __iter__(self):
        return iter(list(self._keys))

    def __reversed__(self):
        return reversed(list(self._keys))

    def __contains__(self, key):
        return key in self._keys

    def copy(self):
        return ParameterDict([(k, self[k]) for k in self._keys])

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def clear(self):
        for k in list(self._keys):
            del self[k]

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def popitem(self):
        k = list(self._keys)[-1]
        val = self[k]
        del self[k]
        return k, val

    def get(self, key, default=None):
        return self[key] if key in self else default

    def fromkeys(self, keys, default=None):
        return ParameterDict([(k, default) for k in keys])

    def keys(self):
        return self._keys.keys()

    def items(self):
        return [(k, self[k]) for k in self._keys]

    def values(self):
        return [self[k] for k in self._keys]

    def update(self, parameters):
        if not isinstance(parameters, _abc.Iterable):
            raise TypeError("ParametersDict.update should be called with an "
                            "iterable of key/value pairs, but got " + type(parameters).__name__)
        if isinstance(parameters, ParameterDict):
            for key, parameter in parameters.items():
                self[key] = parameter
        elif isinstance(parameters, _abc.Mapping):
            # PyTorch 1.13 sorts a plain dict's keys (an OrderedDict keeps its order; initlab's
            # OrderedDict is a dict, so it is sorted too).
            for key, parameter in sorted(parameters.items()):
                self[key] = parameter
        else:
            for j, p in enumerate(parameters):
                if not isinstance(p, _abc.Iterable):
                    raise TypeError("ParameterDict update sequence element "
                                    "#" + str(j) + " should be Iterable; is" + type(p).__name__)
                if not len(p) == 2:
                    raise ValueError("ParameterDict update sequence element "
                                     "#" + str(j) + " has length " + str(len(p)) + "; 2 is required")
                self[p[0]] = p[1]

    def extra_repr(self):
        return '\n'.join(_entry_line(k, p, _tensor_type) for k, p in self.items())

    def __call__(self, input):
        raise RuntimeError('ParameterDict should not be called.')

    def __or__(self, other):
        copy = self.copy()
        copy.update(other)
        return copy

    def __ror__(self, other):
        copy = other.copy()
        copy.update(self)
        return copy

    def __ior__(self, other):
        self.update(other)
        return self
