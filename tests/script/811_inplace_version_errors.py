# PyTorch 1.13's refusals of in-place writes: a saved tensor modified before backward (the
# version-counter error, naming the saved tensor's node, type and shape), a leaf that requires
# grad, a view of one; and what no_grad allows.
import torch


def attempt(f):
    try:
        f()
        print("ok")
    except RuntimeError as e:
        print(e)


def sig():
    y = torch.ones(3, requires_grad=True)
    z = y.sigmoid()
    z.mul_(2)
    z.sum().backward()


attempt(sig)


def sig_inplace_then_mul():
    y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    z = y * 1
    z.sigmoid_()
    z.mul_(2)
    z.sum().backward()


attempt(sig_inplace_then_mul)


def saved_input():
    y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    z = y * 2
    s = z * z
    z.add_(1)
    s.sum().backward()


attempt(saved_input)


def saved_leaf():
    a = torch.ones(2, 3)
    y = torch.ones(2, 3, requires_grad=True)
    z = a * y
    a.add_(1)
    z.sum().backward()


attempt(saved_leaf)


def exp_then_add():
    y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    z = y.exp()
    z.add_(1)
    z.sum().backward()


attempt(exp_then_add)


def relu_chain():
    y = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    z = y * 1
    z.exp_()
    z.tanh_()
    z.relu_()
    z.neg_()
    z.sum().backward()


attempt(relu_chain)


def linear_weight():
    lin = torch.nn.Linear(3, 2)
    out = lin(torch.ones(4, 3))
    with torch.no_grad():
        lin.weight.mul_(2)
    out.sum().backward()


attempt(linear_weight)


def leaf():
    y = torch.ones(3, requires_grad=True)
    y.add_(1)


attempt(leaf)


def view_of_leaf():
    y = torch.ones(2, 3, requires_grad=True)
    y[0].mul_(2)


attempt(view_of_leaf)


def view_of_leaf2():
    y = torch.ones(2, 3, requires_grad=True)
    y.view(6).zero_()


attempt(view_of_leaf2)


def leaf_masked():
    y = torch.ones(3, requires_grad=True)
    y.masked_fill_(y > 0, 0.0)


attempt(leaf_masked)


def no_grad_leaf():
    y = torch.ones(3, requires_grad=True)
    with torch.no_grad():
        y.mul_(3)
        y[0] = 5
    print(y._version, y.tolist())


attempt(no_grad_leaf)

# CPython 3.11 printed:
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 2; expected version 1 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2, 3]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ReluBackward0, is at version 4; expected version 3 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).
# expect: ok
# expect: a leaf Variable that requires grad is being used in an in-place operation.
# expect: a view of a leaf Variable that requires grad is being used in an in-place operation.
# expect: a view of a leaf Variable that requires grad is being used in an in-place operation.
# expect: a leaf Variable that requires grad is being used in an in-place operation.
# expect: 2 [5.0, 3.0, 3.0]
# expect: ok
