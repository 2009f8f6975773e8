# Members of the native torch.nn.functional namespace that are written in Python. The
# interpreter reads a name here when the native namespace lacks it; every name bound here is
# an F member, so helpers are private.
import math as _math

import torch as _torch
import torch.nn.functional as _F
import _initlab
from torch.nn.functional._distance import cosine_similarity, pairwise_distance, bilinear, local_response_norm


# PyTorch 2's function, which 1.13 lacks. Model files written for both versions test
# hasattr(F, 'scaled_dot_product_attention') (nanoGPT's "flash" switch) and take this path in
# initlab, as in PyTorch 2; the corpus fixtures run them with the same definition written with
# 1.13 ops (tests/fixtures/pytorch2_reference.py).
def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
    # PyTorch 2's definition (torch 1.13 has none): softmax(q k^T * scale + bias) v, where a bool
    # attn_mask marks the keys that take part (True) and a float one is added; is_causal keeps
    # key j <= query i. Dropout on the weights always applies when dropout_p > 0, as in PyTorch.
    L = query.size(-2)
    S = key.size(-2)
    scale_factor = 1 / _math.sqrt(query.size(-1)) if scale is None else scale
    bias = None
    if is_causal:
        assert attn_mask is None
        visible = _torch.arange(S).unsqueeze(0) <= _torch.arange(L).unsqueeze(1)
        bias = _torch.log(visible.float())
    if attn_mask is not None:
        # (Comparison results and bool literals are int64 tensors in initlab for now.)
        if str(attn_mask.dtype) in ('torch.bool', 'torch.int64'):
            bias = _torch.log(attn_mask.float())
        else:
            bias = attn_mask
    logits = _torch.matmul(query, key.transpose(-2, -1)) * scale_factor
    if bias is not None:
        logits = logits + bias
    if _initlab.probe_active():
        _initlab.probe_attention(logits)
    weights = _F.softmax(logits, dim=-1)
    if dropout_p > 0.0:
        weights = _F.dropout(weights, dropout_p, True)
    return _torch.matmul(weights, value)


# The in-place spellings PyTorch's functional module has beside inplace=True.
def relu_(input):
    return _F.relu(input, inplace=True)


def leaky_relu_(input, negative_slope=0.01):
    return _F.leaky_relu(input, negative_slope, inplace=True)


def elu_(input, alpha=1.0):
    return _F.elu(input, alpha, inplace=True)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return _F.hardtanh(input, min_val, max_val, inplace=True)
