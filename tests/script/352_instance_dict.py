# An instance's __dict__ writes through to its attributes (minGPT's CfgNode does
# self.__dict__.update(kwargs)); reading it lists the attributes set so far.
class Cfg:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def merge(self, d):
        self.__dict__.update(d)
        return self


c = Cfg(n_layer=2, n_head=4)
print(c.n_layer, c.n_head, sorted(c.__dict__.items()))
c.merge({'n_embd': 48}).__dict__['dropout'] = 0.1
print(c.n_embd, c.dropout, hasattr(c, 'vocab'))
c.__dict__.setdefault('vocab', 27)
del c.__dict__['n_head']
print(c.vocab, hasattr(c, 'n_head'), c.__dict__.pop('dropout'), hasattr(c, 'dropout'))
d = c.__dict__
c.block = 8
print(sorted(c.__dict__), 'block' in d, vars(c) == c.__dict__)

# CPython 3.11 printed:
# expect: 2 4 [('n_head', 4), ('n_layer', 2)]
# expect: 48 0.1 False
# expect: 27 False 0.1 False
# expect: ['block', 'n_embd', 'n_layer', 'vocab'] True True
