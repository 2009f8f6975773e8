# Idioms of ducha-aiki/LSUV-pytorch LSUV.py: a module-level `gg = {}` state dict, svd_orthonormal drawing
# np.random.normal and np.linalg.svd, `m.weight.data = torch.from_numpy(w_ortho)`, try/except around
# nn.init.constant_(m.bias, 0), register_forward_hook storing output.data.cpu().numpy(), model.apply of
# counting/hooking/correcting functions, a `while np.abs(std - needed_std) > tol` rescaling loop.
from __future__ import print_function
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

gg = {}
gg['hook_position'] = 0
gg['total_fc_conv_layers'] = 0
gg['done_counter'] = -1
gg['hook'] = None
gg['act_dict'] = {}
gg['counter_to_apply_correction'] = 0
gg['correction_needed'] = False
gg['current_coef'] = 1.0


# orthonormal init the way Lasagne (lasagne/init.py) does it
def svd_orthonormal(w):
    shape = w.shape
    if len(shape) < 2:
        raise RuntimeError("Only shapes of length 2 or more are supported.")
    flat_shape = (shape[0], np.prod(shape[1:]))
    a = np.random.normal(0.0, 1.0, flat_shape)
    u, _, v = np.linalg.svd(a, full_matrices=False)
    q = u if u.shape == flat_shape else v
    q = q.reshape(shape)
    return q.astype(np.float32)


def store_activations(self, input, output):
    gg['act_dict'] = output.data.cpu().numpy()
    return


def add_current_hook(m):
    if gg['hook'] is not None:
        return
    if (isinstance(m, nn.Conv2d)) or (isinstance(m, nn.Linear)):
        if gg['hook_position'] > gg['done_counter']:
            gg['hook'] = m.register_forward_hook(store_activations)
        else:
            gg['hook_position'] += 1
    return


def count_conv_fc_layers(m):
    if (isinstance(m, nn.Conv2d)) or (isinstance(m, nn.Linear)):
        gg['total_fc_conv_layers'] += 1
    return


def orthogonal_weights_init(m):
    if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
        w_ortho = svd_orthonormal(m.weight.data.cpu().numpy())
        m.weight.data = torch.from_numpy(w_ortho)
        try:
            nn.init.constant_(m.bias, 0)
        except:
            pass
    return


def apply_weights_correction(m):
    if gg['hook'] is None:
        return
    if not gg['correction_needed']:
        return
    if (isinstance(m, nn.Conv2d)) or (isinstance(m, nn.Linear)):
        if gg['counter_to_apply_correction'] < gg['hook_position']:
            gg['counter_to_apply_correction'] += 1
        else:
            m.weight.data *= float(gg['current_coef'])
            gg['correction_needed'] = False
            return
    return


def LSUVinit(model, data, needed_std=1.0, std_tol=0.1, max_attempts=10, do_orthonorm=True, verbose=False):
    gg['total_fc_conv_layers'] = 0
    gg['done_counter'] = 0
    gg['hook_position'] = 0
    gg['hook'] = None
    model.eval()
    if verbose:
        print('Starting LSUV')
    model.apply(count_conv_fc_layers)
    if verbose:
        print('Total layers to process:', gg['total_fc_conv_layers'])
    with torch.no_grad():
        if do_orthonorm:
            model.apply(orthogonal_weights_init)
            if verbose:
                print('Orthonorm done')
        for layer_idx in range(gg['total_fc_conv_layers']):
            if verbose:
                print(layer_idx)
            model.apply(add_current_hook)
            out = model(data)
            current_std = gg['act_dict'].std()
            if verbose:
                print('std at layer ', layer_idx, ' = ', current_std)
            attempts = 0
            while (np.abs(current_std - needed_std) > std_tol):
                gg['current_coef'] = needed_std / (current_std + 1e-8)
                gg['correction_needed'] = True
                model.apply(apply_weights_correction)
                out = model(data)
                current_std = gg['act_dict'].std()
                if verbose:
                    print('std at layer ', layer_idx, ' = ', current_std, 'mean = ', gg['act_dict'].mean())
                attempts += 1
                if attempts > max_attempts:
                    if verbose:
                        print('Cannot converge in ', max_attempts, 'iterations')
                    break
            if gg['hook'] is not None:
                gg['hook'].remove()
            gg['done_counter'] += 1
            gg['counter_to_apply_correction'] = 0
            gg['hook_position'] = 0
            gg['hook'] = None
            if verbose:
                print('finish at layer', layer_idx)
    if verbose:
        print('LSUV init done!')
    model.train()
    return model


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 2 * 2, 16)
        self.fc2 = nn.Linear(16, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


np.random.seed(0)
model = Net()
batch = torch.randn(16, 3, 8, 8)
model = LSUVinit(model, batch, needed_std=1.0, std_tol=0.1, max_attempts=10, do_orthonorm=True)
x = torch.randn(2, 3, 8, 8)
out = model(x)
