# F.max_pool1d's errors: torch.max_pool1d checks its arguments itself when no gradient is
# recorded, max_pool1d_with_indices (the path of return_indices and of inputs that require
# grad) leaves them to max_pool2d_with_indices; F.max_unpool1d's come from max_unpool2d.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(f):
    try:
        r = f()
        print("ok", tuple(t.shape for t in r) if isinstance(r, tuple) else r.shape)
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


torch.manual_seed(0)
x = torch.randn(2, 4)
g = torch.randn(2, 4, requires_grad=True)
attempt(lambda: F.max_pool1d(torch.randn(4), 2))
attempt(lambda: F.max_pool1d(torch.randn(4), 2, return_indices=True))
attempt(lambda: F.max_pool1d(torch.randn(2, 2, 4, 4, requires_grad=True), 2))
attempt(lambda: F.max_pool1d(torch.randn(2, 0), 1))
attempt(lambda: nn.MaxPool1d(2, return_indices=True)(torch.randn(3)))
for kw in [dict(kernel_size=0), dict(kernel_size=2, stride=0), dict(kernel_size=2, stride=-1), dict(kernel_size=2, padding=2),
           dict(kernel_size=2, padding=-1), dict(kernel_size=2, dilation=0), dict(kernel_size=5), dict(kernel_size=3, dilation=3),
           dict(kernel_size=(2, 2)), dict(kernel_size=2, stride=(1, 2)), dict(kernel_size=2, padding=(1, 2)),
           dict(kernel_size=1, dilation=(1, 2)), dict(kernel_size=4, stride=2, dilation=2), dict(kernel_size=3, padding=2, dilation=2),
           dict(kernel_size=0, stride=1, padding=0)]:
    attempt(lambda: F.max_pool1d(x, **kw))
    attempt(lambda: F.max_pool1d(x, return_indices=True, **kw))
    attempt(lambda: F.max_pool1d(g, **kw))
with torch.no_grad():
    attempt(lambda: F.max_pool1d(g, 2, stride=0))
y, i = F.max_pool1d(torch.randn(1, 2, 8), 2, return_indices=True)
u = nn.MaxUnpool1d(2)
attempt(lambda: u(y, i, output_size=[11]))
attempt(lambda: u(y, i, output_size=(7,)))
attempt(lambda: u(y, i, output_size=[1, 2]))
attempt(lambda: u(y))
attempt(lambda: F.max_unpool1d(torch.randn(4), torch.zeros(4, dtype=torch.long), 2))
attempt(lambda: F.max_unpool1d(y, i[:, :, :3], 2))
attempt(lambda: F.max_unpool1d(y, i + 9, 2))
attempt(lambda: F.max_unpool1d(y, i.float(), 2))
attempt(lambda: F.max_unpool1d(torch.randn(1, 1, 2, 4), torch.zeros(1, 1, 2, 4, dtype=torch.long), 2))

# CPython 3.11 printed:
# expect: RuntimeError: max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[4]
# expect: RuntimeError: Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking arguments for max_pool1d)
# expect: RuntimeError: max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 2, 4, 4]
# expect: RuntimeError: max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 0]
# expect: RuntimeError: Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking arguments for max_pool1d)
# expect: RuntimeError: max_pool1d() kernel_size must be greater than zero, but got 0
# expect: RuntimeError: stride should not be zero
# expect: RuntimeError: stride should not be zero
# expect: RuntimeError: max_pool1d() stride must be greater than zero, but got 0
# expect: RuntimeError: stride should not be zero
# expect: RuntimeError: stride should not be zero
# expect: RuntimeError: max_pool1d() stride must be greater than zero, but got -1
# expect: RuntimeError: stride should be greater than zero, but got dH: 1 dW: -1
# expect: RuntimeError: stride should be greater than zero, but got dH: 1 dW: -1
# expect: RuntimeError: max_pool1d() padding should be at most half of kernel size, but got padding=2 and kernel_size=2
# expect: RuntimeError: pad should be at most half of kernel size, but got pad=2 and kernel_size=2
# expect: RuntimeError: pad should be at most half of kernel size, but got pad=2 and kernel_size=2
# expect: RuntimeError: max_pool1d() padding must be non-negative, but got -1
# expect: RuntimeError: pad must be non-negative, but got pad: -1
# expect: RuntimeError: pad must be non-negative, but got pad: -1
# expect: RuntimeError: max_pool1d() dilation must be greater than zero, but got 0
# expect: RuntimeError: dilation should be greater than zero, but got dilationH: 1 dilationW: 0
# expect: RuntimeError: dilation should be greater than zero, but got dilationH: 1 dilationW: 0
# expect: ok torch.Size([2, 0])
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x0). Output size is too small
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x0). Output size is too small
# expect: ok torch.Size([2, 0])
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x0). Output size is too small
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x0). Output size is too small
# expect: RuntimeError: max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size 2
# expect: RuntimeError: max_pool1d() argument 'kernel_size' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() argument 'kernel_size' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size 2
# expect: RuntimeError: max_pool1d() argument 'stride' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() argument 'stride' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size 2
# expect: RuntimeError: max_pool1d() argument 'padding' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() argument 'padding' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size 2
# expect: RuntimeError: max_pool1d() argument 'dilation' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() argument 'dilation' should contain one int (got 2)
# expect: RuntimeError: max_pool1d() Invalid computed output size: -1
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x-1). Output size is too small
# expect: RuntimeError: Given input size: (2x1x4). Calculated output size: (2x1x-1). Output size is too small
# expect: RuntimeError: max_pool1d() padding should be at most half of kernel size, but got padding=2 and kernel_size=3
# expect: RuntimeError: pad should be at most half of kernel size, but got pad=2 and kernel_size=3
# expect: RuntimeError: pad should be at most half of kernel size, but got pad=2 and kernel_size=3
# expect: RuntimeError: max_pool1d() kernel_size must be greater than zero, but got 0
# expect: RuntimeError: kernel size should be greater than zero, but got kH: 1 kW: 0
# expect: RuntimeError: kernel size should be greater than zero, but got kH: 1 kW: 0
# expect: RuntimeError: max_pool1d() stride must be greater than zero, but got 0
# expect: ValueError: invalid output_size "[11]" (dim 0 must be between 6 and 10)
# expect: RuntimeError: Found an invalid max index: 7 (output volumes are of size 7x1
# expect: ValueError: output_size should be a sequence containing 1 or 3 elements, but it has a length of '2'
# expect: TypeError: MaxUnpool1d.forward() missing 1 required positional argument: 'indices'
# expect: RuntimeError: Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 2 dimensions.
# expect: RuntimeError: Expected shape of indices to be same as that of the input tensor ([1, 2, 4, 1]) but got indices tensor with shape: [1, 2, 3, 1]
# expect: RuntimeError: Found an invalid max index: 16 (output volumes are of size 8x1
# expect: RuntimeError: elements in indices should be type int64 but got: Float
# expect: RuntimeError: Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 5 dimensions.
