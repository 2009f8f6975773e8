# torch.nn.modules: the package of the torch.nn classes initlab writes in Python (rnn.py, ...);
# torch.nn._library imports them so that they are members of torch.nn.
