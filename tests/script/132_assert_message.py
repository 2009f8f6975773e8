import torch.nn as nn


def check(model):
    n = len(list(model.parameters()))
    assert n > 0, "model has no parameters"
    return n


print(check(nn.Linear(1, 1)))  # expect: 2
check(nn.ReLU())
# error: line 6: AssertionError: model has no parameters
