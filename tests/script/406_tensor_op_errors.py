# The new tensor ops' errors, in PyTorch 1.13's words.
import torch

x = torch.arange(12.).view(3, 4)
cases = [
    lambda: x.masked_fill(x, 0.0),
    lambda: torch.where(x, x, x),
    lambda: x.split([1, 1], dim=0),
    lambda: torch.stack([x, x[:2]]),
    lambda: x.expand(3, 5),
    lambda: torch.arange(3.).mT,
    lambda: x.gather(0, torch.tensor([[0.5]])),
    lambda: torch.randint(5, 5, (2,)),
    lambda: x.topk(5),
    lambda: x.chunk(0),
    lambda: torch.tril(torch.ones(3)),
    lambda: x.index_select(0, torch.tensor([[0]])),
    lambda: x.repeat(2),
    lambda: x.mean([0, 0]),
    lambda: torch.arange(3).mean([0]),
    lambda: x.roll((1, 1), (0,)),
    lambda: torch.randn(2, dtype=torch.long),
    lambda: torch.randn_like(torch.arange(3)),
]
for f in cases:
    try:
        f()
        print("no error")
    except (RuntimeError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# CPython 3.11 printed:
# expect: no error
# expect: RuntimeError: where expected condition to be a boolean tensor, but got a tensor with dtype Float
# expect: RuntimeError: split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 0), but got split_sizes=[1, 1]
# expect: RuntimeError: stack expects each tensor to be equal size, but got [3, 4] at entry 0 and [2, 4] at entry 1
# expect: RuntimeError: The expanded size of the tensor (5) must match the existing size (4) at non-singleton dimension 1.  Target sizes: [3, 5].  Tensor sizes: [3, 4]
# expect: RuntimeError: tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.
# expect: RuntimeError: gather(): Expected dtype int64 for index
# expect: RuntimeError: random_ expects 'from' to be less than 'to', but got from=5 >= to=5
# expect: RuntimeError: selected index k out of range
# expect: RuntimeError: chunk expects `chunks` to be greater than 0, got: 0
# expect: IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)
# expect: IndexError: index_select(): Index is supposed to be a vector
# expect: RuntimeError: Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor
# expect: RuntimeError: dim 0 appears multiple times in the list of dims
# expect: RuntimeError: mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long
# expect: RuntimeError: shifts and dimensions must align. shifts: 2, dims:1
# expect: RuntimeError: "normal_kernel_cpu" not implemented for 'Long'
# expect: RuntimeError: "normal_kernel_cpu" not implemented for 'Long'
