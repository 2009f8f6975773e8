# torch.utils.checkpoint calling through: PyTorch recomputes the forward during backward to save
# memory; the values and gradients are those of calling the function directly, which is what
# initlab does.
import warnings as _warnings


def checkpoint(function, *args, use_reentrant=True, **kwargs):
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs and use_reentrant:
        raise ValueError("Unexpected keyword arguments: " + ",".join(arg for arg in kwargs))
    if use_reentrant:
        # PyTorch's reentrant checkpoint warns when no input needs a gradient.
        if not any(getattr(a, "requires_grad", False) for a in args):
            _warnings.warn("None of the inputs have requires_grad=True. Gradients will be None")
    return function(*args, **kwargs)


def checkpoint_sequential(functions, segments, input, use_reentrant=True, **kwargs):
    if hasattr(functions, "children") and not isinstance(functions, (list, tuple)):
        functions = list(functions.children())
    for f in functions:
        input = f(input)
    return input
