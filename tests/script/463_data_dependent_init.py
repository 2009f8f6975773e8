# initlab.init.data_dependent_ (Kraehenbuehl et al. 2016, as the authors' magic_init does it with
# random weights) against a reference written with torch ops: CPython runs the reference, initlab
# its own. The statistics are printed rounded: initlab's forward and backward add in another
# order than PyTorch's, so the last bits of a std or a gradient ratio may differ.
import math

import torch
import torch.nn as nn

try:
    from initlab.init import data_dependent_
except ImportError:
    def data_dependent_(model, x, beta=0.0, between=True, iterations=10):
        layers = [(p, m) for p, m in model.named_modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
        was = [(m, m.training) for m in model.modules()]
        model.eval()
        order, outs = [], {}
        hooks = [m.register_forward_hook((lambda p: lambda mod, i, o: order.append(p) if p not in order else None)(p)) for p, m in layers]
        model(x)
        for h in hooks:
            h.remove()
        mods = dict(layers)

        def stats(out):
            flat = out.transpose(0, 1).reshape(out.shape[1], -1)
            return flat.mean(1), flat.std(1, unbiased=False)

        def first_output(m):
            seen = []
            h = m.register_forward_hook(lambda mod, i, o: seen.append(o))
            model(x)
            h.remove()
            return seen[0]

        with torch.no_grad():
            for p in order:
                m = mods[p]
                nn.init.normal_(m.weight, 0.0, 1.0)
                if m.bias is not None:
                    m.bias.zero_()
                mu, std = stats(first_output(m))
                m.weight.div_(std.reshape([-1] + [1] * (m.weight.dim() - 1)))
                if m.bias is not None:
                    m.bias.copy_(-mu / std + beta)
        record = {"layers": order, "iterations": 0, "ratios": {}}
        if not between:
            for m, t in was:
                m.train(t)
            return record
        bottom = {}

        def watch(p):
            def hook(mod, inp):
                bottom.setdefault(p, inp[0].abs().mean().item())
            return hook

        hooks = [mods[p].register_forward_pre_hook(watch(p)) for p in order]
        with torch.no_grad():
            out = model(x)
        for h in hooks:
            h.remove()
        output_std = stats(out)[1].mean().item()
        for it in range(iterations):
            model.zero_grad()
            y = model(x)
            y.backward(torch.randn_like(y))
            ratio = {p: math.sqrt((mods[p].weight.grad ** 2).mean().item() / (mods[p].weight.detach() ** 2).mean().item()) for p in order}
            record["ratios"] = dict(ratio)
            logs = [math.log(r) for r in ratio.values()]
            target = math.exp(sum(logs) / len(logs)) * output_std ** (1.0 / len(logs))
            if all(abs(l / math.log(target) - 1) < 0.01 for l in logs):
                break
            record["iterations"] = it + 1
            walked = set()

            def rescale(p):
                def hook(mod, inp):
                    if p in walked:
                        return
                    walked.add(p)
                    cur = inp[0].abs().mean().item()
                    if mod.bias is not None:
                        mod.bias.mul_(cur / bottom[p])
                    bottom[p] = cur
                    s = math.sqrt(ratio[p] / target)
                    mod.weight.mul_(s)
                    if mod.bias is not None:
                        mod.bias.mul_(s)
                return hook

            hooks = [mods[p].register_forward_pre_hook(rescale(p)) for p in order]
            with torch.no_grad():
                out = model(x)
            for h in hooks:
                h.remove()
            output_std = stats(out)[1].mean().item()
        for q in model.parameters():
            q.grad = None
        for m, t in was:
            m.train(t)
        return record


def show(model, x):
    with torch.no_grad():
        h = x
        for m in model:
            h = m(h)
            if isinstance(m, (nn.Linear, nn.Conv2d)):
                flat = h.transpose(0, 1).reshape(h.shape[1], -1)
                print(type(m).__name__, round(flat.mean(1).abs().max().item(), 4), round(flat.std(1, unbiased=False).mean().item(), 4))


torch.manual_seed(0)
mlp = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 4))
x = torch.randn(64, 10)
rec = data_dependent_(mlp, x, between=False)
print(rec["layers"], rec["iterations"])
show(mlp, x)
rec = data_dependent_(mlp, x, beta=0.1)
print(rec["iterations"], {k: round(v, 3) for k, v in rec["ratios"].items()}, mlp.training, mlp[0].weight.grad)
print([round(float(m.weight.std()), 3) for m in mlp if isinstance(m, nn.Linear)])

torch.manual_seed(1)
cnn = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, stride=2), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 3 * 3, 5))
xc = torch.randn(16, 3, 8, 8)
rec = data_dependent_(cnn, xc, between=False)
show(cnn, xc)
rec = data_dependent_(cnn, xc)
print(rec["iterations"], [round(v, 3) for v in rec["ratios"].values()])

# CPython 3.11 printed:
# expect: ['0', '2', '4'] 0
# expect: Linear 0.0 1.0
# expect: Linear 0.0 1.0
# expect: Linear 0.0 1.0
# expect: 10 {'0': 13.397, '2': 12.565, '4': 13.279} True None
# expect: [0.344, 0.255, 0.365]
# expect: Conv2d 0.0 1.0
# expect: Conv2d 0.0 1.0
# expect: Linear 0.0 1.0
# expect: 9 [14.386, 14.246, 13.889]
