import torch

print(torch.ones(40, 40))
# expect: tensor([[1., 1., 1.,  ..., 1., 1., 1.],
# expect:         [1., 1., 1.,  ..., 1., 1., 1.],
# expect:         [1., 1., 1.,  ..., 1., 1., 1.],
# expect:         ...,
# expect:         [1., 1., 1.,  ..., 1., 1., 1.],
# expect:         [1., 1., 1.,  ..., 1., 1., 1.],
# expect:         [1., 1., 1.,  ..., 1., 1., 1.]])
print(torch.arange(2000.))
# expect: tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,
# expect:         1.9990e+03])
print(torch.arange(1001))  # expect: tensor([   0,    1,    2,  ...,  998,  999, 1000])
