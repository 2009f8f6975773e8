# torch.utils.data: Dataset, TensorDataset, Subset, random_split and DataLoader with batch_size,
# shuffle, drop_last and collate_fn. Shuffled orders come from the default generator as
# PyTorch 1.13 draws them (a base seed per epoch, then RandomSampler's seed and randperm), so
# the epochs, and what the generator gives afterwards, match PyTorch's.
import torch
from torch.utils.data import Dataset, TensorDataset, DataLoader, Subset, random_split
from torch.utils.data import RandomSampler, SequentialSampler, BatchSampler

torch.manual_seed(0)
xs = torch.arange(10).float().view(10, 1)
ys = torch.arange(10)
ds = TensorDataset(xs, ys)
print(len(ds), ds[3])

loader = DataLoader(ds, batch_size=4, shuffle=True)
print(len(loader))
for epoch in range(3):
    print([b[1].tolist() for b in loader])
print(torch.rand(2))

loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)
print(len(loader), [y.tolist() for _, y in loader])
loader = DataLoader(ds, batch_size=4)
for x, y in loader:
    print(tuple(x.shape), y.tolist())
print(torch.rand(1))

g = torch.Generator()
g.manual_seed(7)
print([y.tolist() for _, y in DataLoader(ds, batch_size=5, shuffle=True, generator=g)])
print(torch.rand(1))


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return {"x": torch.full((2,), float(i)), "label": i * i}


batches = list(DataLoader(Squares(5), batch_size=2, shuffle=False))
print(len(batches), batches[0]["x"], batches[0]["label"], batches[2]["label"])
print([b for b in DataLoader(Squares(3), batch_size=None)][1]["label"])
print(list(DataLoader(list(range(7)), batch_size=3, collate_fn=lambda b: sum(b))))
print(list(DataLoader([(1, 2), (3, 4), (5, 6)], batch_size=2)))

print(list(SequentialSampler(range(4))), len(RandomSampler(range(6))))
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=True)))
train, test = random_split(ds, [7, 3])
print(len(train), len(test), train.indices, test.indices)
print(Subset(ds, [9, 0])[0])
try:
    Dataset()[0]
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    DataLoader(ds, batch_size=0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    DataLoader(ds, sampler=SequentialSampler(ds), shuffle=True)
except ValueError as e:
    print(type(e).__name__, e)
try:
    TensorDataset(torch.ones(3), torch.ones(4))
except AssertionError as e:
    print(type(e).__name__, e)

# CPython 3.11 printed:
# expect: 10 (tensor([3.]), tensor(3))
# expect: 3
# expect: [[6, 7, 1, 4], [2, 0, 9, 8], [3, 5]]
# expect: [[2, 4, 7, 0], [8, 9, 5, 3], [6, 1]]
# expect: [[7, 4, 5, 1], [9, 3, 8, 2], [0, 6]]
# expect: tensor([0.0223, 0.1689])
# expect: 3 [[2, 5, 7], [8, 6, 4], [9, 3, 0]]
# expect: (4, 1) [0, 1, 2, 3]
# expect: (4, 1) [4, 5, 6, 7]
# expect: (2, 1) [8, 9]
# expect: tensor([0.6816])
# expect: [[1, 3, 5, 7, 9], [4, 6, 2, 8, 0]]
# expect: tensor([0.9152])
# expect: 3 tensor([[0., 0.],
# expect:         [1., 1.]]) tensor([0, 1]) tensor([16])
# expect: 1
# expect: [3, 12, 6]
# expect: [[tensor([1, 3]), tensor([2, 4])], [tensor([5]), tensor([6])]]
# expect: [0, 1, 2, 3] 6
# expect: [[0, 1, 2], [3, 4, 5], [6]]
# expect: [[0, 1, 2], [3, 4, 5]]
# expect: 7 3 [1, 0, 5, 8, 2, 4, 3] [9, 7, 6]
# expect: (tensor([9.]), tensor(9))
# expect: NotImplementedError 
# expect: ValueError batch_size should be a positive integer value, but got batch_size=0
# expect: ValueError sampler option is mutually exclusive with shuffle
# expect: AssertionError Size mismatch between tensors
