import torch.nn as nn

print(any([0, "", None]), any([0, 3]), all([1, "x"]), all([1, 0]), all([]), any([]))  # expect: False True True False True False
layer = nn.Linear(2, 3)
print(hasattr(layer, "weight"), hasattr(layer, "foo"))  # expect: True False
print(getattr(layer, "out_features"), getattr(layer, "foo", "missing"))  # expect: 3 missing
setattr(layer, "tag", "head")
print(layer.tag, getattr(layer, "tag"))  # expect: head head


class Cfg:
    pass


c = Cfg()
for k, v in [("lr", 0.1), ("depth", 4)]:
    setattr(c, k, v)
print(c.lr, c.depth, hasattr(c, "lr"))  # expect: 0.1 4 True
