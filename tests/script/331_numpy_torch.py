# numpy and torch together: numpy scalars act as Python numbers with tensors, torch.from_numpy
# shares a float32 array's memory (float64 arrays become float32 tensors in initlab; .float()
# is where PyTorch converts), Tensor.numpy() shares the tensor's, torch.tensor/torch.Tensor copy.
import numpy as np
import torch
import torch.nn as nn

t = torch.ones(2)
print(t * np.float64(2.0), np.float64(2.0) * t, np.float32(2.0) * t, np.int64(2) * t, t * np.ones(2, np.float32), t * np.array(2.0), t - np.sqrt(4.0))
print(torch.from_numpy(np.ones(2, np.float32)), torch.from_numpy(np.arange(3)), torch.from_numpy(np.array([0.5, 1.5])).float())
print(torch.Tensor(np.ones(2)), torch.FloatTensor(np.ones(2)), torch.Tensor([1, 2]), torch.Tensor(2, 3).shape, torch.tensor(np.arange(3, dtype=np.float32)))
print(repr(torch.ones(2).numpy()), repr(torch.arange(3).numpy()), repr(torch.zeros(2, 2).numpy().T), torch.ones(2).numpy().dtype)
w = torch.zeros(3)
w.data.copy_(torch.from_numpy(np.array([0.1, 0.2, 0.3])))
print(w, w[0].item(), w.tolist())
torch.manual_seed(0)
print(torch.full((2,), np.float64(0.5)), torch.empty(2).uniform_(-np.float64(0.5), np.float64(0.5)), torch.randn(2).mul(np.float32(3)))
print(np.sqrt(torch.ones(2)), np.asarray(torch.ones(2)), np.array(torch.ones(2)), np.prod(torch.ones(2, 3).shape), np.zeros(torch.ones(2, 3).shape).shape)
a = np.zeros(3, np.float32)
ta = torch.from_numpy(a)
a[0] = 5
ta[2] = 7
print(ta, a)
t2 = torch.zeros(2, 2)
n2 = t2.numpy()
n2[1, 1] = 7
print(t2)
lin = nn.Linear(3, 2)
lin.weight.data = torch.from_numpy(np.ones((2, 3), dtype=np.float32))
lin.bias.data.copy_(torch.from_numpy(np.array([0.5, -0.5])))
print(lin.weight, lin.bias)
p = nn.Parameter(torch.from_numpy(np.ones(2, np.float32)))
print(p, p.requires_grad)
nn.init.uniform_(w, -np.sqrt(6.0 / 5), np.sqrt(6.0 / 5))
nn.init.normal_(lin.weight, 0.0, np.float32(0.02))
nn.init.constant_(lin.bias, np.float64(0.25))
print(w, lin.weight, lin.bias)
print(torch.tensor(np.float32(0.1)), torch.tensor([np.float32(1.5), np.float32(2.0)]), torch.tensor([[np.int64(1), 2]]))
# expect: tensor([2., 2.]) tensor([2., 2.]) tensor([2., 2.]) tensor([2., 2.]) tensor([1., 1.]) tensor([2., 2.]) tensor([-1., -1.])
# expect: tensor([1., 1.]) tensor([0, 1, 2]) tensor([0.5000, 1.5000])
# expect: tensor([1., 1.]) tensor([1., 1.]) tensor([1., 2.]) torch.Size([2, 3]) tensor([0., 1., 2.])
# expect: array([1., 1.], dtype=float32) array([0, 1, 2]) array([[0., 0.],
# expect:        [0., 0.]], dtype=float32) float32
# expect: tensor([0.1000, 0.2000, 0.3000]) 0.10000000149011612 [0.10000000149011612, 0.20000000298023224, 0.30000001192092896]
# expect: tensor([0.5000, 0.5000]) tensor([-0.0037,  0.2682]) tensor([-0.8715, -3.2111])
# expect: tensor([1., 1.]) [1. 1.] [1. 1.] 6 (2, 3)
# expect: tensor([5., 0., 7.]) [5. 0. 7.]
# expect: tensor([[0., 0.],
# expect:         [0., 7.]])
# expect: Parameter containing:
# expect: tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]], requires_grad=True) Parameter containing:
# expect: tensor([ 0.5000, -0.5000], requires_grad=True)
# expect: Parameter containing:
# expect: tensor([1., 1.], requires_grad=True) True
# expect: tensor([-0.4516,  0.0406,  0.4331]) Parameter containing:
# expect: tensor([[-0.0125,  0.0091, -0.0275],
# expect:         [ 0.0569, -0.0146,  0.0077]], requires_grad=True) Parameter containing:
# expect: tensor([0.2500, 0.2500], requires_grad=True)
# expect: tensor(0.1000) tensor([1.5000, 2.0000]) tensor([[1, 2]])
