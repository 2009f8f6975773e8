# Idioms of fastai/fastai fastai/layers.py (+ torch_core.py): NormType = Enum(...), `__default_init__`
# monkey-patched onto activation classes and functions, init_default / init_linear choosing the init from the
# activation, _get_norm via getattr(nn, f"{prefix}{ndim}d") with bias.data.fill_(1e-3) and zero-init for
# BatchZero, ConvLayer(nn.Sequential) built from a list with a @delegates(nn.Conv2d) decorator, ifnone,
# SimpleCNN; defaults = SimpleNamespace(activation=nn.ReLU).
from enum import Enum
from types import SimpleNamespace

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.init import kaiming_uniform_, normal_, xavier_uniform_

defaults = SimpleNamespace(activation=nn.ReLU)


def ifnone(a, b):
    "`b` if `a` is None else `a`"
    return b if a is None else a


def delegates(to=None, keep=False):
    "Stands in for fastcore's signature-rewriting decorator: returns the function unchanged."
    def _f(f):
        return f
    return _f


def sigmoid(input, eps=1e-7):
    "Same as `torch.sigmoid`, plus clamping to `(eps,1-eps)"
    return input.sigmoid().clamp(eps, 1 - eps)


def sigmoid_(input, eps=1e-7):
    "Same as `torch.sigmoid_`, plus clamping to `(eps,1-eps)"
    return input.sigmoid_().clamp_(eps, 1 - eps)


# the init each activation prefers, looked up by init_linear
for o in F.relu, nn.ReLU, F.relu6, nn.ReLU6, F.leaky_relu, nn.LeakyReLU:
    o.__default_init__ = kaiming_uniform_

for o in F.sigmoid, nn.Sigmoid, F.tanh, nn.Tanh, sigmoid, sigmoid_:
    o.__default_init__ = xavier_uniform_


def init_default(m, func=nn.init.kaiming_normal_):
    "Initialize `m` weights with `func` and set `bias` to 0."
    if func and hasattr(m, 'weight'):
        func(m.weight)
    with torch.no_grad():
        if getattr(m, 'bias', None) is not None:
            m.bias.fill_(0.)
    return m


def init_linear(m, act_func=None, init='auto', bias_std=0.01):
    if getattr(m, 'bias', None) is not None and bias_std is not None:
        if bias_std != 0:
            normal_(m.bias, 0, bias_std)
        else:
            m.bias.data.zero_()
    if init == 'auto':
        if act_func in (F.relu_, F.leaky_relu_):
            init = kaiming_uniform_
        else:
            init = getattr(act_func.__class__, '__default_init__', None)
        if init is None:
            init = getattr(act_func, '__default_init__', None)
    if init is not None:
        init(m.weight)


NormType = Enum('NormType', 'Batch BatchZero Weight Spectral Instance InstanceZero')


def _get_norm(prefix, nf, ndim=2, zero=False, **kwargs):
    "Norm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    assert 1 <= ndim <= 3
    bn = getattr(nn, f"{prefix}{ndim}d")(nf, **kwargs)
    if bn.affine:
        bn.bias.data.fill_(1e-3)
        bn.weight.data.fill_(0. if zero else 1.)
    return bn


def BatchNorm(nf, ndim=2, norm_type=NormType.Batch, **kwargs):
    "BatchNorm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    return _get_norm('BatchNorm', nf, ndim, zero=norm_type == NormType.BatchZero, **kwargs)


def InstanceNorm(nf, ndim=2, norm_type=NormType.Instance, affine=True, **kwargs):
    "InstanceNorm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    return _get_norm('InstanceNorm', nf, ndim, zero=norm_type == NormType.InstanceZero, affine=affine, **kwargs)


def _conv_func(ndim=2, transpose=False):
    "Return the proper conv `ndim` function, potentially `transposed`."
    assert 1 <= ndim <= 3
    return getattr(nn, f'Conv{"Transpose" if transpose else ""}{ndim}d')


class ConvLayer(nn.Sequential):
    "Create a sequence of convolutional (`ni` to `nf`), ReLU (if `use_activ`) and `norm_type` layers."
    @delegates(nn.Conv2d)
    def __init__(self, ni, nf, ks=3, stride=1, padding=None, bias=None, ndim=2, norm_type=NormType.Batch, bn_1st=True,
                 act_cls=defaults.activation, transpose=False, init='auto', xtra=None, bias_std=0.01, **kwargs):
        if padding is None:
            padding = ((ks - 1) // 2 if not transpose else 0)
        bn = norm_type in (NormType.Batch, NormType.BatchZero)
        inn = norm_type in (NormType.Instance, NormType.InstanceZero)
        if bias is None:
            bias = not (bn or inn)
        conv_func = _conv_func(ndim, transpose=transpose)
        conv = conv_func(ni, nf, kernel_size=ks, bias=bias, stride=stride, padding=padding, **kwargs)
        act = None if act_cls is None else act_cls()
        init_linear(conv, act, init=init, bias_std=bias_std)
        layers = [conv]
        act_bn = []
        if act is not None:
            act_bn.append(act)
        if bn:
            act_bn.append(BatchNorm(nf, norm_type=norm_type, ndim=ndim))
        if inn:
            act_bn.append(InstanceNorm(nf, norm_type=norm_type, ndim=ndim))
        if bn_1st:
            act_bn.reverse()
        layers += act_bn
        if xtra:
            layers.append(xtra)
        super().__init__(*layers)


class Flatten(nn.Module):
    "Flatten `x` to a single dimension, e.g. at end of a model. `full` for rank-1 tensor"
    def __init__(self, full=False):
        super().__init__()
        self.full = full

    def forward(self, x):
        return x.view(-1) if self.full else x.view(x.size(0), -1)


class SimpleCNN(nn.Sequential):
    "Create a simple CNN with `filters`."
    def __init__(self, filters, kernel_szs=None, strides=None, bn=True):
        nl = len(filters) - 1
        kernel_szs = ifnone(kernel_szs, [3] * nl)
        strides = ifnone(strides, [2] * nl)
        layers = [ConvLayer(filters[i], filters[i + 1], kernel_szs[i], stride=strides[i],
                            norm_type=(NormType.Batch if bn and i < nl - 1 else None)) for i in range(nl)]
        layers.append(nn.AdaptiveAvgPool2d(1))
        layers.append(Flatten())
        super().__init__(*layers)


class ResBlock(nn.Module):
    "Resnet block from `ni` to `nf` (expansion 1, stride 1): the last BatchNorm starts at zero."
    @delegates(ConvLayer.__init__)
    def __init__(self, expansion, ni, nf, stride=1, act_cls=defaults.activation, ks=3, **kwargs):
        super().__init__()
        norm2 = NormType.BatchZero
        k0 = dict(act_cls=act_cls, **kwargs)
        k1 = dict(act_cls=None, **kwargs)
        self.convpath = nn.Sequential(ConvLayer(ni, nf, ks, stride=stride, **k0),
                                      ConvLayer(nf, nf, ks, norm_type=norm2, **k1))
        self.idpath = nn.Sequential()
        self.act = defaults.activation(inplace=True) if act_cls is defaults.activation else act_cls()

    def forward(self, x):
        return self.act(self.convpath(x) + self.idpath(x))


model = nn.Sequential(ConvLayer(3, 8, stride=2), ResBlock(1, 8, 8), SimpleCNN([8, 16, 10]))
x = torch.randn(2, 3, 16, 16)
out = model(x)
