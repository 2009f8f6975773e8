import torch

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([10.0, 20.0])
print(a + b)
# expect: tensor([[11., 22.],
# expect:         [13., 24.]])
print(a - 1, 1 - b)
# expect: tensor([[0., 1.],
# expect:         [2., 3.]]) tensor([ -9., -19.])
print(a * 2, 2 * b)
# expect: tensor([[2., 4.],
# expect:         [6., 8.]]) tensor([20., 40.])
print(b / 4, 1 / a[0])  # expect: tensor([2.5000, 5.0000]) tensor([1.0000, 0.5000])
col = torch.tensor([[1.0], [2.0]])
print(col * b, -b)
# expect: tensor([[10., 20.],
# expect:         [20., 40.]]) tensor([-10., -20.])
print((a ** 2).sum().item(), (a * a).mean().item())  # expect: 30.0 7.5
