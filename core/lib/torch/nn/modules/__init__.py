# torch.nn.modules: the torch.nn classes written in Python, one file per PyTorch file.
