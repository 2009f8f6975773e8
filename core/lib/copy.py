# copy: copy and deepcopy, of Python values, user objects, tensors and nn modules (a deep
# copy of a module has its own parameters, bit for bit the original's; the generator is not
# touched, as in PyTorch).
import _initlab


class Error(Exception):
    pass


error = Error


def copy(x):
    cls = type(x)
    kind = _initlab.kind(x)
    if kind in ("list",):
        return list(x)
    if kind == "dict":
        return dict(x)
    if kind == "set":
        return set(x)
    if kind == "tensor":
        return x.clone()
    if kind == "nn_module":
        raise NotImplementedError("not supported in initlab: copy.copy of an nn.Module (copy.deepcopy works)")
    if kind == "instance":
        if hasattr(x, "__copy__"):
            return x.__copy__()
        y = _initlab.new_instance(cls)
        for k, v in _initlab.instance_attrs(x).items():
            _initlab.set_instance_attr(y, k, v)
        return y
    return x


def deepcopy(x, memo=None, _nil=[]):
    kind = _initlab.kind(x)
    if kind in ("int", "float", "bool", "str", "NoneType", "function", "type", "builtin_function_or_method", "module"):
        return x  # immutable or shared: numbers, strings, None, functions, classes, modules
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    if kind == "list":
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif kind == "tuple":
        y = tuple(deepcopy(a, memo) for a in x)
    elif kind == "dict":
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif kind in ("set", "frozenset"):
        y = type(x)(deepcopy(a, memo) for a in x)
    elif kind == "tensor":
        y = _copy_tensor(x)
    elif kind == "nn_module":
        y = _initlab.clone_module(x, lambda v: deepcopy(v, memo))
    elif kind == "instance":
        if hasattr(x, "__deepcopy__"):
            y = x.__deepcopy__(memo)
        else:
            y = _initlab.new_instance(type(x))
            memo[d] = y
            for k, v in _initlab.instance_attrs(x).items():
                _initlab.set_instance_attr(y, k, deepcopy(v, memo))
    else:
        y = x  # numbers, strings, None, functions, classes, modules: immutable or shared
    memo[d] = y
    return y


def _copy_tensor(t):
    import torch
    if not t.is_leaf:
        raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                           "protocol at the moment.  If you were attempting to deepcopy a module, this may be "
                           "because of a torch.nn.utils.weight_norm usage, see "
                           "https://github.com/pytorch/pytorch/pull/103001")
    c = t.detach().clone()
    if isinstance(t, torch.nn.Parameter):
        return torch.nn.Parameter(c, requires_grad=t.requires_grad)
    return c.requires_grad_(t.requires_grad)
