# numpy's exceptions and messages, caught as a script catches them.
import numpy as np

a = np.arange(12).reshape(3, 4)
attempts = [
    lambda: a[5], lambda: a[0, 9], lambda: a[1, 2, 3], lambda: a[np.array([True, False])], lambda: a[[0, 5]],
    lambda: a.reshape(5), lambda: a.reshape(2, -1, 5), lambda: a.reshape(-1, -1), lambda: len(np.array(3)),
    lambda: bool(np.ones(3)), lambda: np.zeros(-1), lambda: a.transpose(0, 0), lambda: np.ones(3)[:, :],
    lambda: np.array([1, 2]).item(), lambda: np.concatenate([np.ones(2), np.ones((2, 2))]),
    lambda: np.stack([np.ones(2), np.ones(3)]), lambda: np.arange(12)[1.5], lambda: np.arange(12)[np.array([1.5])],
    lambda: np.arange(12).item(20), lambda: np.arange(12)[::0], lambda: np.array([[1, 2], [3]]),
    lambda: np.ones(2) & np.ones(2), lambda: np.ones((2, 3)) @ np.ones((2, 3)), lambda: np.array([1, 2]) ** -1,
    lambda: np.dot(np.ones((2, 3)), np.ones((2, 3))), lambda: np.ones(3) @ 2, lambda: np.max(np.array([])),
    lambda: np.argmax(np.array([])), lambda: np.float32('abc'), lambda: np.zeros(3, dtype='foo'),
    lambda: np.arange(6)[..., ..., 0], lambda: np.random.seed(-1), lambda: np.random.choice(3, 5, replace=False),
    lambda: np.random.choice(3, p=[0.5, 0.6, 0.1]), lambda: np.random.rand(2.5), lambda: np.random.uniform(0, np.inf),
    lambda: np.linalg.svd(np.ones(3)), lambda: np.sum(a, axis=2),
]
for f in attempts:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
x = np.zeros(3, dtype=int)
try:
    x += 1.5
except TypeError as e:
    print("TypeError caught:", e)
print(a[..., 1], a[1, ...], a[..., None].shape, a[None, ..., 0].shape)
try:
    np.sum(a, axis=5)
except IndexError as e:
    print("IndexError caught:", e, isinstance(e, ValueError), isinstance(e, np.AxisError))
try:
    np.linalg.qr(np.ones(4))
except np.linalg.LinAlgError as e:
    print("LinAlgError caught:", e)
# expect: IndexError: index 5 is out of bounds for axis 0 with size 3
# expect: IndexError: index 9 is out of bounds for axis 1 with size 4
# expect: IndexError: too many indices for array: array is 2-dimensional, but 3 were indexed
# expect: IndexError: boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 2
# expect: IndexError: index 5 is out of bounds for axis 0 with size 3
# expect: ValueError: cannot reshape array of size 12 into shape (5,)
# expect: ValueError: cannot reshape array of size 12 into shape (2,newaxis,5)
# expect: ValueError: can only specify one unknown dimension
# expect: TypeError: len() of unsized object
# expect: ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()
# expect: ValueError: negative dimensions are not allowed
# expect: ValueError: repeated axis in transpose
# expect: IndexError: too many indices for array: array is 1-dimensional, but 2 were indexed
# expect: ValueError: can only convert an array of size 1 to a Python scalar
# expect: ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 1 dimension(s) and the array at index 1 has 2 dimension(s)
# expect: ValueError: all input arrays must have the same shape
# expect: IndexError: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices
# expect: IndexError: arrays used as indices must be of integer (or boolean) type
# expect: IndexError: index 20 is out of bounds for axis 0 with size 12
# expect: ValueError: slice step cannot be zero
# expect: ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
# expect: TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''
# expect: ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)
# expect: ValueError: Integers to negative integer powers are not allowed.
# expect: ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)
# expect: ValueError: matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)
# expect: ValueError: zero-size array to reduction operation maximum which has no identity
# expect: ValueError: attempt to get argmax of an empty sequence
# expect: ValueError: could not convert string to float: 'abc'
# expect: TypeError: data type 'foo' not understood
# expect: IndexError: an index can only have a single ellipsis ('...')
# expect: ValueError: Seed must be between 0 and 2**32 - 1
# expect: ValueError: Cannot take a larger sample than population when 'replace=False'
# expect: ValueError: probabilities do not sum to 1
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: OverflowError: Range exceeds valid bounds
# expect: LinAlgError: 1-dimensional array given. Array must be at least two-dimensional
# expect: AxisError: axis 2 is out of bounds for array of dimension 2
# expect: TypeError caught: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
# expect: [1 5 9] [4 5 6 7] (3, 4, 1) (1, 3)
# expect: IndexError caught: axis 5 is out of bounds for array of dimension 2 True True
# expect: LinAlgError caught: 1-dimensional array given. Array must be at least two-dimensional
