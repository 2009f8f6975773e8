# initlab.init.t_fixup_ (T-Fixup, Huang et al. 2020) against a reference written with torch ops
# over the parameters' names: in CPython (where initlab is missing) the reference runs, in
# initlab its own helper; both must print the same weights.
import torch
import torch.nn as nn

try:
    from initlab.init import t_fixup_
except ImportError:
    def t_fixup_(model, num_layers=None, decoder=False):
        n = num_layers or sum(isinstance(m, nn.TransformerEncoderLayer) for m in model.modules())
        factor = (9 * n) ** -0.25 if decoder else 0.67 * n ** -0.25
        with torch.no_grad():
            for name, m in model.named_modules():
                if isinstance(m, nn.Linear):
                    nn.init.xavier_uniform_(m.weight)
                    nn.init.zeros_(m.bias)
                elif isinstance(m, nn.MultiheadAttention):
                    nn.init.xavier_uniform_(m.in_proj_weight)
                    nn.init.zeros_(m.in_proj_bias)
                elif isinstance(m, nn.Embedding):
                    nn.init.normal_(m.weight, 0, m.embedding_dim ** -0.5)
            for name, p in model.named_parameters():
                if name.endswith("self_attn.in_proj_weight"):
                    d = p.shape[1]
                    p[2 * d:] *= factor
                elif name.endswith(("self_attn.out_proj.weight", "linear1.weight", "linear2.weight")):
                    p *= factor
                elif name == "embed.weight":
                    p *= (9 * n) ** -0.25
        return factor


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 8)
        layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=3)
        self.head = nn.Linear(8, 10)

    def forward(self, idx):
        return self.head(self.encoder(self.embed(idx)))


torch.manual_seed(0)
model = Tiny()
# MultiheadAttention's out_proj is an nn.Linear subclass: init code dispatching on
# isinstance(m, nn.Linear) reaches it.
print(isinstance(model.encoder.layers[0].self_attn.out_proj, nn.Linear), type(model.encoder.layers[0].self_attn.out_proj).__name__)
print(round(t_fixup_(model), 12))
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.detach().flatten()[-4:].tolist())

# CPython 3.11 printed:
# expect: True NonDynamicallyQuantizableLinear
# expect: 0.509089909387
# expect: embed.weight (10, 8) [0.0005229560774751008, -0.1615937203168869, -0.01763398014008999, -0.09523510932922363]
# expect: encoder.layers.0.self_attn.in_proj_weight (24, 8) [0.048932477831840515, -0.12001185119152069, 0.031239371746778488, -0.14312154054641724]
# expect: encoder.layers.0.self_attn.in_proj_bias (24,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.0.self_attn.out_proj.weight (8, 8) [0.21587496995925903, 0.1301472932100296, -0.30032360553741455, 0.19718053936958313]
# expect: encoder.layers.0.self_attn.out_proj.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.0.linear1.weight (16, 8) [-0.07853198051452637, 0.00442814826965332, 0.0692901685833931, 0.0076384046114981174]
# expect: encoder.layers.0.linear1.bias (16,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.0.linear2.weight (8, 16) [0.13082264363765717, 0.20601104199886322, 0.17237897217273712, 0.11204967647790909]
# expect: encoder.layers.0.linear2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.0.norm1.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.0.norm1.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.0.norm2.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.0.norm2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.self_attn.in_proj_weight (24, 8) [-0.1222311481833458, 0.13221505284309387, -0.0459260568022728, -0.19178040325641632]
# expect: encoder.layers.1.self_attn.in_proj_bias (24,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.self_attn.out_proj.weight (8, 8) [-0.23434431850910187, -0.26159238815307617, 0.06397771835327148, 0.060724180191755295]
# expect: encoder.layers.1.self_attn.out_proj.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.linear1.weight (16, 8) [-0.1329675167798996, 0.12976957857608795, -0.191111221909523, 0.12004143744707108]
# expect: encoder.layers.1.linear1.bias (16,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.linear2.weight (8, 16) [0.06377727538347244, 0.1387648582458496, 0.20121778547763824, 0.05013929307460785]
# expect: encoder.layers.1.linear2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.norm1.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.1.norm1.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.1.norm2.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.1.norm2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.self_attn.in_proj_weight (24, 8) [-0.024151986464858055, 0.09677917510271072, -0.10682166367769241, 0.20612463355064392]
# expect: encoder.layers.2.self_attn.in_proj_bias (24,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.self_attn.out_proj.weight (8, 8) [0.06120894104242325, 0.19013284146785736, -0.2357517033815384, 0.20276759564876556]
# expect: encoder.layers.2.self_attn.out_proj.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.linear1.weight (16, 8) [-0.0384877547621727, -0.14425761997699738, 0.13397127389907837, -0.16866140067577362]
# expect: encoder.layers.2.linear1.bias (16,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.linear2.weight (8, 16) [0.01681789569556713, 0.17014318704605103, 0.008189757354557514, 0.07408429682254791]
# expect: encoder.layers.2.linear2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.norm1.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.2.norm1.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: encoder.layers.2.norm2.weight (8,) [1.0, 1.0, 1.0, 1.0]
# expect: encoder.layers.2.norm2.bias (8,) [0.0, 0.0, 0.0, 0.0]
# expect: head.weight (10, 8) [-0.3007611632347107, -0.48901262879371643, -0.38343140482902527, -0.06339477002620697]
# expect: head.bias (10,) [0.0, 0.0, 0.0, 0.0]
