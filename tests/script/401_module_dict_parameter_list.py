# nn.ModuleDict, nn.ParameterList and nn.ParameterDict: their methods, state_dict names, reprs,
# subclassing nn.ModuleDict, and errors as PyTorch 1.13 raises them.
import torch
import torch.nn as nn

torch.manual_seed(0)
d = nn.ModuleDict({'a': nn.Linear(2, 3), 'b': nn.ReLU()})
print(d)
print(len(d), 'a' in d, 'z' in d, list(d), list(d.keys()))
d['c'] = nn.Linear(3, 1)
d.update([('e', nn.Tanh())])
print(list(d.state_dict().keys()))
print(d.pop('b'), len(d))
for k, v in d.items():
    print(k, type(v).__name__)
print([type(v).__name__ for v in d.values()])
print(isinstance(d, nn.Module), isinstance(d, nn.ModuleDict), type(d))
try:
    d['zz']
except KeyError as e:
    print('KeyError', e)
try:
    d['n'] = 3
except TypeError as e:
    print('TypeError', e)
try:
    d.update(5)
except TypeError as e:
    print('TypeError', e)


class Blocks(nn.ModuleDict):
    def __init__(self):
        super().__init__({'x': nn.Linear(1, 1)})

    def forward(self, t):
        return self['x'](t)


b = Blocks()
print(b, b(torch.ones(1)).shape, isinstance(b, nn.ModuleDict))
m = nn.Module()
m.transformer = nn.ModuleDict(dict(wte=nn.Embedding(4, 2), h=nn.ModuleList([nn.Linear(2, 2)])))
print(m)
print([n for n, _ in m.named_parameters()])
print(m.transformer.wte.weight.shape, m.transformer['h'][0].bias.shape)
d.clear()
print(len(d), bool(d), bool(nn.ModuleDict()))
pl = nn.ParameterList([nn.Parameter(torch.zeros(2, 3)), torch.ones(4)])
pl.append(torch.ones(1))
pl.extend([torch.zeros(2)])
print(pl)
print(len(pl), pl[-1].shape, [p.shape for p in pl], list(pl.state_dict().keys()))
print(isinstance(pl[1], nn.Parameter), pl[1].requires_grad, len(pl[1:3]))
print(sum(p.numel() for p in pl.parameters()))
pd = nn.ParameterDict({'w': torch.ones(2), 'a': nn.Parameter(torch.zeros(3))})
print(pd)
print(list(pd.keys()), len(pd), 'w' in pd, list(pd.state_dict().keys()))
pd['z'] = torch.ones(1)
print(pd.pop('a').shape, list(pd.keys()), [k for k in pd], list(pd.state_dict().keys()))
print(pd.get('q', 5), pd.setdefault('q', torch.zeros(1)).shape, list(pd.keys()))
try:
    d()
except NotImplementedError as e:
    print(e)
try:
    pl[9]
except IndexError as e:
    print(e)

# CPython 3.11 printed:
# expect: ModuleDict(
# expect:   (a): Linear(in_features=2, out_features=3, bias=True)
# expect:   (b): ReLU()
# expect: )
# expect: 2 True False ['a', 'b'] ['a', 'b']
# expect: ['a.weight', 'a.bias', 'c.weight', 'c.bias']
# expect: ReLU() 3
# expect: a Linear
# expect: c Linear
# expect: e Tanh
# expect: ['Linear', 'Linear', 'Tanh']
# expect: True True <class 'torch.nn.modules.container.ModuleDict'>
# expect: KeyError 'zz'
# expect: TypeError int is not a Module subclass
# expect: TypeError ModuleDict.update should be called with an iterable of key/value pairs, but got int
# expect: Blocks(
# expect:   (x): Linear(in_features=1, out_features=1, bias=True)
# expect: ) torch.Size([1]) True
# expect: Module(
# expect:   (transformer): ModuleDict(
# expect:     (wte): Embedding(4, 2)
# expect:     (h): ModuleList(
# expect:       (0): Linear(in_features=2, out_features=2, bias=True)
# expect:     )
# expect:   )
# expect: )
# expect: ['transformer.wte.weight', 'transformer.h.0.weight', 'transformer.h.0.bias']
# expect: torch.Size([4, 2]) torch.Size([2])
# expect: 0 False False
# expect: ParameterList(
# expect:     (0): Parameter containing: [torch.float32 of size 2x3]
# expect:     (1): Parameter containing: [torch.float32 of size 4]
# expect:     (2): Parameter containing: [torch.float32 of size 1]
# expect:     (3): Parameter containing: [torch.float32 of size 2]
# expect: )
# expect: 4 torch.Size([2]) [torch.Size([2, 3]), torch.Size([4]), torch.Size([1]), torch.Size([2])] ['0', '1', '2', '3']
# expect: True True 2
# expect: 13
# expect: ParameterDict(
# expect:     (a): Parameter containing: [torch.FloatTensor of size 3]
# expect:     (w): Parameter containing: [torch.FloatTensor of size 2]
# expect: )
# expect: ['a', 'w'] 2 True ['a', 'w']
# expect: torch.Size([3]) ['w', 'z'] ['w', 'z'] ['w', 'z']
# expect: 5 torch.Size([1]) ['w', 'z', 'q']
# expect: Module [ModuleDict] is missing the required "forward" function
# expect: index 9 is out of range
