import torch

print(torch.zeros(2, 3))
# expect: tensor([[0., 0., 0.],
# expect:         [0., 0., 0.]])
print(torch.arange(5))  # expect: tensor([0, 1, 2, 3, 4])
print(torch.tensor([1.5, -2.0]))  # expect: tensor([ 1.5000, -2.0000])
print(torch.eye(3))
# expect: tensor([[1., 0., 0.],
# expect:         [0., 1., 0.],
# expect:         [0., 0., 1.]])
print(torch.ones(3))  # expect: tensor([1., 1., 1.])
print(torch.tensor([[1, 2], [3, 4]]))
# expect: tensor([[1, 2],
# expect:         [3, 4]])
print(torch.full((2, 2), 7.0))
# expect: tensor([[7., 7.],
# expect:         [7., 7.]])
print(torch.arange(1, 4, 0.5))  # expect: tensor([1.0000, 1.5000, 2.0000, 2.5000, 3.0000, 3.5000])
print(torch.arange(0, 10, 3))  # expect: tensor([0, 3, 6, 9])
