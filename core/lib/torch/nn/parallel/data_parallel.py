# DataParallel without GPUs (PyTorch 1.13's torch/nn/parallel/data_parallel.py when no device
# type is available): a wrapper whose only child is `module`, so its state_dict keys read
# "module.<name>", with no device_ids, whose forward calls the wrapped module.
import torch.nn as _nn
import torch.cuda as _cuda


class DataParallel(_nn.Module):
    def __init__(self, module, device_ids=None, output_device=None, dim=0):
        super().__init__()
        self.module = module
        self.device_ids = []

    def forward(self, *inputs, **kwargs):
        return self.module(*inputs, **kwargs)


def data_parallel(module, inputs, device_ids=None, output_device=None, dim=0, module_kwargs=None):
    # PyTorch fails here without a GPU (there are no device indices to scatter to).
    _cuda._lazy_init()
