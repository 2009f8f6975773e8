# torch.nn.MultiheadAttention as PyTorch 1.13 defines it (torch/nn/modules/activation.py and
# F.multi_head_attention_forward): constructor arguments, parameters in PyTorch's order,
# _reset_parameters' draws, masks, need_weights and average_attn_weights, written over tensor
# ops (autograd differentiates it). Its logits go to the probe (_initlab.probe_attention).
import math as _math

import torch as _torch
import torch.nn as _nn
import torch.nn.functional as _F
import _initlab


class NonDynamicallyQuantizableLinear(_nn.Module):
    # PyTorch's out_proj class: an nn.Linear under another name (initlab cannot derive from its
    # native Linear, so this one is written out: Linear's parameters, init draws and repr).
    # isinstance(m.out_proj, nn.Linear) is True, as in PyTorch: the interpreter's isinstance
    # reads _initlab_counts_as (init code such as nanoGPT's _init_weights dispatches on it).
    _initlab_counts_as = _nn.Linear

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = _nn.Parameter(_torch.empty((out_features, in_features)))
        if bias:
            self.bias = _nn.Parameter(_torch.empty(out_features))
        else:
            self.register_parameter('bias', None)
        _nn.init.kaiming_uniform_(self.weight, a=_math.sqrt(5))
        if self.bias is not None:
            bound = 1 / _math.sqrt(in_features) if in_features > 0 else 0
            _nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return _F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return 'in_features={}, out_features={}, bias={}'.format(self.in_features, self.out_features,
                                                                 self.bias is not None)


def _additive(mask):
    # A bool mask (True = masked) as the float one PyTorch builds from it: 0 or -inf. (initlab
    # makes comparison results and bool literals int64 tensors until bool tensors land, and its
    # dtype objects compare by name only through str.)
    if str(mask.dtype) in ('torch.bool', 'torch.int64'):
        return _torch.log(1 - mask.float())
    return mask


def _pad_last(mask):
    # F.pad(mask, (0, 1)): one more key, not masked.
    shape = list(mask.shape)
    shape[-1] = 1
    return _torch.cat([mask, _torch.zeros(shape)], mask.dim() - 1)


class MultiheadAttention(_nn.Module):
    def __init__(self, embed_dim, num_heads, dropout=0., bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, device=None, dtype=None):
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        assert self.head_dim * num_heads == self.embed_dim, "embed_dim must be divisible by num_heads"
        if not self._qkv_same_embed_dim:
            self.q_proj_weight = _nn.Parameter(_torch.empty((embed_dim, embed_dim)))
            self.k_proj_weight = _nn.Parameter(_torch.empty((embed_dim, self.kdim)))
            self.v_proj_weight = _nn.Parameter(_torch.empty((embed_dim, self.vdim)))
            self.register_parameter('in_proj_weight', None)
        else:
            self.in_proj_weight = _nn.Parameter(_torch.empty((3 * embed_dim, embed_dim)))
            self.register_parameter('q_proj_weight', None)
            self.register_parameter('k_proj_weight', None)
            self.register_parameter('v_proj_weight', None)
        if bias:
            self.in_proj_bias = _nn.Parameter(_torch.empty(3 * embed_dim))
        else:
            self.register_parameter('in_proj_bias', None)
        self.out_proj = NonDynamicallyQuantizableLinear(embed_dim, embed_dim, bias=bias)
        if add_bias_kv:
            self.bias_k = _nn.Parameter(_torch.empty((1, 1, embed_dim)))
            self.bias_v = _nn.Parameter(_torch.empty((1, 1, embed_dim)))
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn
        self._reset_parameters()

    def _reset_parameters(self):
        if self._qkv_same_embed_dim:
            _nn.init.xavier_uniform_(self.in_proj_weight)
        else:
            _nn.init.xavier_uniform_(self.q_proj_weight)
            _nn.init.xavier_uniform_(self.k_proj_weight)
            _nn.init.xavier_uniform_(self.v_proj_weight)
        if self.in_proj_bias is not None:
            _nn.init.constant_(self.in_proj_bias, 0.)
            _nn.init.constant_(self.out_proj.bias, 0.)
        if self.bias_k is not None:
            _nn.init.xavier_normal_(self.bias_k)
        if self.bias_v is not None:
            _nn.init.xavier_normal_(self.bias_v)

    def forward(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                average_attn_weights=True):
        is_batched = query.dim() == 3
        if query.dim() not in (2, 3):
            raise AssertionError("query should be unbatched 2D or batched 3D tensor but received "
                                 "{}-D query tensor".format(query.dim()))
        if self.batch_first and is_batched:
            query, key, value = [x.transpose(1, 0) for x in (query, key, value)]
        if not is_batched:
            query = query.unsqueeze(1)
            key = key.unsqueeze(1)
            value = value.unsqueeze(1)
            if key_padding_mask is not None:
                key_padding_mask = key_padding_mask.unsqueeze(0)
        E = self.embed_dim
        H = self.num_heads
        tgt_len, bsz, embed_dim = query.shape
        assert embed_dim == E, "was expecting embedding dimension of {}, but got {}".format(E, embed_dim)
        b = self.in_proj_bias
        b_q = b[0:E] if b is not None else None
        b_k = b[E:2 * E] if b is not None else None
        b_v = b[2 * E:3 * E] if b is not None else None
        if self._qkv_same_embed_dim:
            w = self.in_proj_weight
            q = _F.linear(query, w[0:E], b_q)
            k = _F.linear(key, w[E:2 * E], b_k)
            v = _F.linear(value, w[2 * E:3 * E], b_v)
        else:
            q = _F.linear(query, self.q_proj_weight, b_q)
            k = _F.linear(key, self.k_proj_weight, b_k)
            v = _F.linear(value, self.v_proj_weight, b_v)
        if attn_mask is not None:
            if attn_mask.dim() == 2:
                if tuple(attn_mask.shape) != (tgt_len, key.size(0)):
                    raise RuntimeError("The shape of the 2D attn_mask is {}, but should be {}.".format(
                        attn_mask.shape, (tgt_len, key.size(0))))
                attn_mask = attn_mask.unsqueeze(0)
            elif attn_mask.dim() == 3:
                if tuple(attn_mask.shape) != (bsz * H, tgt_len, key.size(0)):
                    raise RuntimeError("The shape of the 3D attn_mask is {}, but should be {}.".format(
                        attn_mask.shape, (bsz * H, tgt_len, key.size(0))))
            else:
                raise RuntimeError("attn_mask's dimension {} is not supported".format(attn_mask.dim()))
            attn_mask = _additive(attn_mask)
        if key_padding_mask is not None:
            key_padding_mask = _additive(key_padding_mask)
        if self.bias_k is not None and self.bias_v is not None:
            k = _torch.cat([k, _torch.cat([self.bias_k] * bsz, 1)])
            v = _torch.cat([v, _torch.cat([self.bias_v] * bsz, 1)])
            if attn_mask is not None:
                attn_mask = _pad_last(attn_mask)
            if key_padding_mask is not None:
                key_padding_mask = _pad_last(key_padding_mask)
        D = self.head_dim
        q = q.contiguous().view(tgt_len, bsz * H, D).transpose(0, 1)
        k = k.contiguous().view(k.shape[0], bsz * H, D).transpose(0, 1)
        v = v.contiguous().view(v.shape[0], bsz * H, D).transpose(0, 1)
        if self.add_zero_attn:
            k = _torch.cat([k, _torch.zeros(bsz * H, 1, D)], 1)
            v = _torch.cat([v, _torch.zeros(bsz * H, 1, D)], 1)
            if attn_mask is not None:
                attn_mask = _pad_last(attn_mask)
            if key_padding_mask is not None:
                key_padding_mask = _pad_last(key_padding_mask)
        src_len = k.size(1)
        if key_padding_mask is not None:
            if tuple(key_padding_mask.shape) != (bsz, src_len):
                raise AssertionError("expecting key_padding_mask shape of {}, but got {}".format(
                    (bsz, src_len), key_padding_mask.shape))
            kpm = _torch.cat([key_padding_mask.view(bsz, 1, 1, src_len)] * H, 1).reshape(bsz * H, 1, src_len)
            attn_mask = kpm if attn_mask is None else attn_mask + kpm
        # PyTorch 1.13 scales q before the product: q / sqrt(E) with E the head dim.
        logits = _torch.matmul(q / _math.sqrt(D), k.transpose(-2, -1))
        if attn_mask is not None:
            logits = attn_mask + logits
        if _initlab.probe_active():
            _initlab.probe_attention(logits)
        weights = _F.softmax(logits, dim=-1)
        if self.training and self.dropout > 0.0:
            weights = _F.dropout(weights, p=self.dropout)
        out = _torch.matmul(weights, v)
        out = out.transpose(0, 1).contiguous().view(tgt_len * bsz, E)
        out = _F.linear(out, self.out_proj.weight, self.out_proj.bias)
        out = out.view(tgt_len, bsz, out.size(1))
        if need_weights:
            weights = weights.view(bsz, H, tgt_len, src_len)
            if average_attn_weights:
                weights = weights.sum(dim=1) / H
            if not is_batched:
                out = out.squeeze(1)
                weights = weights.squeeze(0)
        else:
            weights = None
            if not is_batched:
                out = out.squeeze(1)
        if self.batch_first and is_batched:
            return out.transpose(1, 0), weights
        return out, weights
