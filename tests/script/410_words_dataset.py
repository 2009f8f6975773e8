# initlab.datasets.words / word_list (initlab's own module: not in CPython; the expectations
# are what /usr/bin/python3 makes of core/data/words.txt with WORDS.md's split and layout:
# word i is in 'test' when i % 10 == 9, '.' is 0 and a-z 1-26).
import torch
from initlab import datasets

train = datasets.word_list()
test = datasets.word_list('test')
print(len(train), len(test), train[:3], test[:2])
# expect: 32121 3568 ['aardvark', 'abaci', 'aback'] ['abandons', 'abated']
x, y = datasets.words('train', block_size=3)
print(x.shape, y.shape, x.dtype, y.dtype)
# expect: torch.Size([241885, 3]) torch.Size([241885]) torch.int64 torch.int64
print(x[:10].tolist())
# expect: [[0, 0, 0], [0, 0, 1], [0, 1, 1], [1, 1, 18], [1, 18, 4], [18, 4, 22], [4, 22, 1], [22, 1, 18], [1, 18, 11], [0, 0, 0]]
print(y[:10])
# expect: tensor([ 1,  1, 18,  4, 22,  1, 18, 11,  0,  1])
xt, yt = datasets.words(split='test', block_size=5)
print(xt.shape, yt.sum().item(), xt.sum().item())
# expect: torch.Size([26895, 5]) 272512 933150
datasets.words(block_size=0)
# error: line 21: ValueError: words(): block_size (the context length) must be 1 to 64, not 0
