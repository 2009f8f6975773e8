import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
print(F.softmax(x, dim=1))
# expect: tensor([[0.0900, 0.2447, 0.6652],
# expect:         [0.3333, 0.3333, 0.3333]])
print(F.log_softmax(x, dim=1))
# expect: tensor([[-2.4076, -1.4076, -0.4076],
# expect:         [-1.0986, -1.0986, -1.0986]])
print(F.softmax(x, dim=0)[:, 0], nn.Softmax(dim=1)(x)[1])  # expect: tensor([0.7311, 0.2689]) tensor([0.3333, 0.3333, 0.3333])
print(nn.LogSoftmax(dim=1)(x)[0])  # expect: tensor([-2.4076, -1.4076, -0.4076])
print(F.dropout(x, p=0.5, training=False))
# expect: tensor([[1., 2., 3.],
# expect:         [0., 0., 0.]])
d = nn.Dropout(0.9)
d.eval()
print(torch.equal(d(x), x))  # expect: True
