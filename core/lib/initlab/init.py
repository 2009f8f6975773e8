"""Data-dependent initializers that PyTorch does not ship (import initlab.init).

lsuv_(model, x, tol=0.1, max_iter=10, ortho=True): layer-sequential unit-variance init,
Mishkin & Matas 2015, "All you need is a good init" (arXiv:1511.06422), Algorithm 1:
orthonormal weights first (Saxe et al. 2013), then, layer by layer in the order the forward
pass reaches them, the weight is divided by the std of that layer's output on the batch x
until the std is within tol of 1 or max_iter scalings were made.

data_dependent_(model, x, beta=0.0, between=True, iterations=10): Kraehenbuehl, Doersch,
Donahue & Darrell 2016, "Data-dependent Initializations of Convolutional Neural Networks"
(ICLR), as the authors' magic_init does it with random ('elwise') weights: within-layer
normalization, then between-layer equalization of the gradient-to-weight ratio.

Residual schemes, each as its paper's code sets it up:
fixup_(branches, classifier=None): Fixup (Zhang, Dauphin & Ma 2019, "Fixup Initialization:
Residual Learning Without Normalization"); ReZero(branch) (Bachlechner et al. 2020, "ReZero is
All You Need: Fast Convergence at Large Depth") and SkipInit(branch, alpha=0.0) (De & Smith 2020,
"Batch Normalization Biases Residual Blocks Towards the Identity Function in Deep Networks"):
a residual block x + alpha * branch(x) whose scalar alpha starts at 0.
zero_(weight): ZerO (Zhao, Schaefer & Anandkumar 2021), the deterministic identity / Hadamard
init. t_fixup_(model, num_layers=None, decoder=False): T-Fixup (Huang et al. 2020), Xavier then
the depth scaling of a Transformer's value, output and MLP weights and of its embeddings.

Every change lsuv_ makes is one of the calls a plain PyTorch function can repeat: nn.init's
orthogonal_ on each weight in module order, zero_() on each bias when ortho is on, and
weight.mul_(f) with f a Python float. The record it returns lists, per layer, the factors f
it applied; initlab's fix_init writer (core/src/fix_init.cpp) turns them back into that
PyTorch function, which gives the same weights bit for bit.
"""
import math as _math

import torch as _torch
from torch import nn as _nn

__all__ = ["lsuv_", "lsuv_layers", "orthogonalize_", "data_dependent_", "fixup_", "ReZero", "SkipInit"]


def _layer_classes(names=("Linear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d")):
    # The layers the paper scales: convolutions and fully connected ones (the author's
    # PyTorch code also takes the transposed convolutions); those initlab has.
    out = []
    for n in names:
        try:
            out.append(getattr(_nn, n))
        except AttributeError:
            pass
    return tuple(out)


def lsuv_layers(model):
    """The (path, module) pairs lsuv_ orthogonalizes and scales, in module order."""
    classes = _layer_classes()
    return [(path, m) for path, m in model.named_modules() if isinstance(m, classes)]


def _forward_order(model, x, layers):
    # One forward with a hook on every layer: the order their outputs appear in. A layer the
    # forward never reaches is left out (it has no output to normalize).
    order = []
    hooks = []

    def watch(path):
        def hook(module, inp, out):
            if path not in order:
                order.append(path)
        return hook

    for path, m in layers:
        hooks.append(m.register_forward_hook(watch(path)))
    try:
        model(x)
    finally:
        for h in hooks:
            h.remove()
    return order


def _output_std(model, x, module):
    seen = []

    def hook(mod, inp, out):
        seen.append(out)

    h = module.register_forward_hook(hook)
    try:
        model(x)
    finally:
        h.remove()
    # The first output: a layer that is called twice is normalized where the paper would see
    # it first.
    return seen[0].std().item()


def _float32(v):
    # The factor PyTorch applies: mul_ with a Python float on a float32 tensor casts the
    # number to float32 first (checked against PyTorch 1.13 by tests/script/460_lsuv.py), so
    # the record keeps that float32 value, which repr() writes as a literal that rounds back.
    return _torch.tensor(v, dtype=_torch.float32).item()


def lsuv_(model, x, tol=0.1, max_iter=10, ortho=True):
    """Layer-sequential unit-variance init of model on the batch x (Mishkin & Matas 2015).

    Returns a list with one dict per scaled layer, in forward order: 'path' (its name in
    model.named_modules()), 'iterations' (how many scalings), 'factors' (the float32 factors
    applied to its weight, in order), 'std_before' (its output std after the orthonormal step
    and the layers before it) and 'std_after'. The forwards run in eval mode (the author's
    code does too: no dropout draws, BatchNorm on its running statistics) under no_grad; the
    model's train/eval flags are restored afterwards.
    """
    if tol < 0:
        raise ValueError("lsuv_(): tol must be >= 0, not " + repr(tol))
    if max_iter < 0:
        raise ValueError("lsuv_(): max_iter must be >= 0, not " + repr(max_iter))
    layers = lsuv_layers(model)
    modes = [(m, m.training) for m in model.modules()]
    records = []
    with _torch.no_grad():
        if ortho:
            orthogonalize_(model)
        model.eval()
        try:
            by_path = dict(layers)
            for path in _forward_order(model, x, layers):
                m = by_path[path]
                std = _output_std(model, x, m)
                rec = {"path": path, "iterations": 0, "factors": [], "std_before": std, "std_after": std}
                while abs(std - 1.0) > tol and rec["iterations"] < max_iter:
                    if std == 0.0 or std != std:
                        break  # a dead or NaN output: no factor can bring it to 1
                    f = _float32(1.0 / std)
                    m.weight.mul_(f)
                    rec["factors"].append(f)
                    rec["iterations"] += 1
                    std = _output_std(model, x, m)
                rec["std_after"] = std
                records.append(rec)
        finally:
            # Parents first: a parent's train() sets its children, which then get their own.
            for m, flag in modes:
                m.train(flag)
    return records


def orthogonalize_(model):
    """The paper's first step: nn.init.orthogonal_ on every scaled layer's weight in module
    order; the biases are zeroed, as the author's PyTorch code (ducha-aiki/LSUV-pytorch) does,
    so a layer's output std is its weight's alone."""
    with _torch.no_grad():
        for path, m in lsuv_layers(model):
            _nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                m.bias.zero_()
    return model


def _first_output(model, x, module):
    seen = []
    h = module.register_forward_hook(lambda mod, inp, out: seen.append(out))
    try:
        model(x)
    finally:
        h.remove()
    return seen[0]


def _channel_stats(out):
    # Per output channel (dim 1; a Linear's features), over the batch and every other axis:
    # the mean and the biased std, as the authors' numpy code takes them.
    c = out.shape[1]
    flat = out.transpose(0, 1).reshape(c, -1)
    return flat.mean(1), flat.std(1, unbiased=False)


def _per_channel(v, w):
    return v.reshape([-1] + [1] * (w.dim() - 1))


def data_dependent_(model, x, beta=0.0, between=True, iterations=10):
    """Data-dependent init (Kraehenbuehl et al. 2016) of model's Linear and Conv layers on the
    batch x, in eval mode; returns {'layers': paths in forward order, 'iterations': the
    between-layer steps taken, 'ratios': the last ratio per path}.

    Within-layer (their Algorithm 1, random weights): layer by layer in forward order, the
    weight from normal_(0, 1), then each output channel divided by its output's std over the
    batch (and positions) and its bias set to beta - mean / std: every channel then has mean
    beta and std 1 on x. Between-layer (Algorithm 2, as magic_init's calibrateGradientRatio):
    up to `iterations` times, back-propagate a N(0, 1) output gradient, take each weight's
    ratio r_k = sqrt(mean(grad^2) / mean(W^2)) and the target (geometric mean of the r_k times
    the output's mean channel std to the power 1/K); stop when every log r_k is within 1% of
    log target, else walk the forward once more and, at each layer, scale its bias by how the
    mean |input| changed since the last walk, then weight and bias by sqrt(r_k / target).
    Needs grad mode on for the backward (do not call it under torch.no_grad()).
    """
    # Output channels on dim 0 of the weight (a transposed convolution's are on dim 1).
    classes = _layer_classes(("Linear", "Conv1d", "Conv2d", "Conv3d"))
    layers = [(p, m) for p, m in model.named_modules() if isinstance(m, classes)]
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    record = {"layers": [], "iterations": 0, "ratios": {}}
    try:
        by_path = dict(layers)
        order = _forward_order(model, x, layers)
        record["layers"] = order
        with _torch.no_grad():
            for path in order:
                m = by_path[path]
                _nn.init.normal_(m.weight, 0.0, 1.0)
                if m.bias is not None:
                    m.bias.zero_()
                mu, std = _channel_stats(_first_output(model, x, m))
                m.weight.div_(_per_channel(std, m.weight))
                if m.bias is not None:
                    m.bias.copy_(-mu / std + beta)
        if between and order:
            _equalize_ratios(model, x, [(p, by_path[p]) for p in order], iterations, record)
    finally:
        for m, flag in modes:
            m.train(flag)
    return record


def _mean_abs_inputs(model, x, layers):
    scales = {}
    hooks = []

    def watch(path):
        def hook(mod, inp):
            if path not in scales:
                scales[path] = inp[0].abs().mean().item()
        return hook

    for path, m in layers:
        hooks.append(m.register_forward_pre_hook(watch(path)))
    try:
        with _torch.no_grad():
            out = model(x)
    finally:
        for h in hooks:
            h.remove()
    return scales, out


def _mean_channel_std(out):
    return _channel_stats(out)[1].mean().item()


def _equalize_ratios(model, x, layers, iterations, record):
    bottom, out = _mean_abs_inputs(model, x, layers)
    output_std = _mean_channel_std(out)
    for it in range(iterations):
        model.zero_grad()
        y = model(x)
        y.backward(_torch.randn_like(y))
        ratio = {}
        for path, m in layers:
            ratio[path] = _math.sqrt((m.weight.grad ** 2).mean().item() / (m.weight.detach() ** 2).mean().item())
        record["ratios"] = dict(ratio)
        logs = [_math.log(r) for r in ratio.values()]
        target = _math.exp(sum(logs) / len(logs)) * output_std ** (1.0 / len(logs))
        if all(abs(lr / _math.log(target) - 1) < 0.01 for lr in logs):
            break
        record["iterations"] = it + 1

        walked = set()

        def rescale(path):
            def hook(mod, inp):
                if path in walked:
                    return  # once per walk, where the forward first reaches the layer
                walked.add(path)
                current = inp[0].abs().mean().item()
                if mod.bias is not None:
                    mod.bias.mul_(current / bottom[path])
                bottom[path] = current
                s = _math.sqrt(ratio[path] / target)
                mod.weight.mul_(s)
                if mod.bias is not None:
                    mod.bias.mul_(s)
            return hook

        hooks = [m.register_forward_pre_hook(rescale(path)) for path, m in layers]
        try:
            with _torch.no_grad():
                out = model(x)
        finally:
            for h in hooks:
                h.remove()
        output_std = _mean_channel_std(out)
    for p in model.parameters():
        p.grad = None  # the calibration's gradients are not the user's


def fixup_(branches, classifier=None):
    """Fixup's initialization (Zhang, Dauphin & Ma 2019, Section 3), as the authors' ResNet
    code draws it. branches: the residual branches in order, each a list of its weight layers
    (Linear/Conv) in order; with L branches of m layers, every layer but a branch's last gets
    normal_(0, sqrt(2 / fan_out) * L ** (-1 / (2m - 2))) (He's std over the weight's out
    channels times its kernel, as their code computes it, rescaled), the last layer's weight is
    zeroed, and so is every bias of the branches and the classifier's weight and bias. The
    scalar multipliers and biases Fixup adds are the model's own (ReZero below is one).
    Returns the number of branches L."""
    branches = [list(b) for b in branches]
    depth = len(branches)
    with _torch.no_grad():
        for branch in branches:
            m = len(branch)
            for k, layer in enumerate(branch):
                if k == m - 1:
                    _nn.init.zeros_(layer.weight)
                else:
                    w = layer.weight
                    fan_out = w.shape[0]
                    for d in w.shape[2:]:
                        fan_out *= d
                    _nn.init.normal_(w, 0.0, _math.sqrt(2.0 / fan_out) * depth ** (-1.0 / (2 * m - 2)))
                if layer.bias is not None:
                    _nn.init.zeros_(layer.bias)
        if classifier is not None:
            _nn.init.zeros_(classifier.weight)
            if classifier.bias is not None:
                _nn.init.zeros_(classifier.bias)
    return depth


class ReZero(_nn.Module):
    """x + alpha * branch(x) with alpha a scalar parameter that starts at 0 (Bachlechner et al.
    2020): every block is the identity at initialization."""

    def __init__(self, branch):
        super().__init__()
        self.branch = branch
        self.alpha = _nn.Parameter(_torch.zeros(1))

    def forward(self, x):
        return x + self.alpha * self.branch(x)


class SkipInit(_nn.Module):
    """x + alpha * branch(x) with a learnable scalar alpha at the end of the branch, at 0 or a
    small constant (De & Smith 2020, Section 5: SkipInit, for networks without normalization)."""

    def __init__(self, branch, alpha=0.0):
        super().__init__()
        self.branch = branch
        self.alpha = _nn.Parameter(_torch.full((1,), float(alpha)))

    def forward(self, x):
        return x + self.alpha * self.branch(x)


def _hadamard(n):
    """Sylvester's Hadamard matrix of size n (a power of two), as float32 +-1 entries."""
    h = _torch.ones(1, 1)
    while h.shape[0] < n:
        h = _torch.cat([_torch.cat([h, h], 1), _torch.cat([h, -h], 1)], 0)
    return h


def _zero_matrix(rows, cols):
    # ZerO's Algorithm 1: the (partial) identity when the layer keeps or shrinks the width; when
    # it grows it, the first rows and columns of a Hadamard matrix of the next power-of-two size
    # 2^m, scaled by 2^(-(m-1)/2), so the extra units are not copies of the first ones.
    if rows <= cols:
        return _torch.eye(rows, cols)
    m = _math.ceil(_math.log2(rows))
    return _hadamard(2 ** m)[:rows, :cols] * 2 ** (-(m - 1) / 2)


def zero_(weight):
    """ZerO initialization (Zhao, Schaefer & Anandkumar 2021, "ZerO Initialization:
    Initializing Neural Networks with only Zeros and Ones", Algorithms 1 and 2): deterministic,
    no random draw. A Linear weight (out, in) becomes the identity (partial when out < in) or,
    when out > in, a scaled Hadamard block; a convolution's kernel is that matrix at the centre
    position of the window and zero elsewhere. Biases are the caller's (the paper zeroes them)."""
    with _torch.no_grad():
        mat = _zero_matrix(weight.shape[0], weight.shape[1])
        if weight.dim() == 2:
            weight.copy_(mat)
        else:
            weight.zero_()
            c = [k // 2 for k in weight.shape[2:]]
            if weight.dim() == 3:
                weight[:, :, c[0]] = mat
            elif weight.dim() == 4:
                weight[:, :, c[0], c[1]] = mat
            elif weight.dim() == 5:
                weight[:, :, c[0], c[1], c[2]] = mat
            else:
                raise ValueError("zero_ needs a Linear (2-d) or convolution (3- to 5-d) weight, not " + str(weight.dim()) + "-d")
    return weight


def t_fixup_(model, num_layers=None, decoder=False):
    """T-Fixup (Huang, Perez, Ba & Volkovs 2020, "Improving Transformer Optimization Through
    Better Initialization", ICML, Section 3.2): for a Transformer without LayerNorm built from
    nn.TransformerEncoderLayer / nn.TransformerDecoderLayer blocks. Every Linear weight and
    attention projection gets xavier_uniform_ (biases zero), every nn.Embedding N(0, d^-1/2);
    then, in each block, the value and output projections of each attention and both MLP weights
    are scaled by 0.67 N^(-1/4) (encoder) or (9N)^(-1/4) (decoder=True), and the embeddings by
    (9N)^(-1/4). N: the number of blocks (counted when not given). Returns the factor used."""
    blocks = [m for m in model.modules() if isinstance(m, (_nn.TransformerEncoderLayer, _nn.TransformerDecoderLayer))]
    n = num_layers if num_layers is not None else len(blocks)
    if n < 1:
        raise ValueError("t_fixup_ needs a model with nn.TransformerEncoderLayer or nn.TransformerDecoderLayer blocks, or num_layers")
    factor = (9 * n) ** -0.25 if decoder else 0.67 * n ** -0.25
    with _torch.no_grad():
        for m in model.modules():
            if isinstance(m, _nn.Linear):
                _nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    _nn.init.zeros_(m.bias)
            elif isinstance(m, _nn.MultiheadAttention):
                _nn.init.xavier_uniform_(m.in_proj_weight)
                if m.in_proj_bias is not None:
                    _nn.init.zeros_(m.in_proj_bias)
            elif isinstance(m, _nn.Embedding):
                _nn.init.normal_(m.weight, 0, m.embedding_dim ** -0.5)
        for b in blocks:
            attentions = [b.self_attn] + ([b.multihead_attn] if isinstance(b, _nn.TransformerDecoderLayer) else [])
            for a in attentions:
                d = a.embed_dim
                a.in_proj_weight[2 * d:].mul_(factor)  # v: the last third of [q; k; v]
                a.out_proj.weight.mul_(factor)          # w
            b.linear1.weight.mul_(factor)
            b.linear2.weight.mul_(factor)
        for m in model.modules():
            if isinstance(m, _nn.Embedding):
                m.weight.mul_((9 * n) ** -0.25)
    return factor
