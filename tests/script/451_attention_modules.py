# nn.MultiheadAttention and the Transformer family: reprs, parameter names, masks and errors.
import torch
import torch.nn as nn

m = nn.MultiheadAttention(6, 2, kdim=4, vdim=5, add_bias_kv=True)
print(m)
print([(k, tuple(v.shape)) for k, v in m.named_parameters()])
print(m.in_proj_weight, m.head_dim, m._qkv_same_embed_dim, m.batch_first)
print([k for k in nn.MultiheadAttention(4, 2, bias=False).state_dict()])
layer = nn.TransformerEncoderLayer(4, 2, dim_feedforward=8)
print(layer)
print(layer.activation_relu_or_gelu, nn.TransformerEncoderLayer(4, 2, activation='gelu').activation_relu_or_gelu)
print(nn.TransformerDecoder(nn.TransformerDecoderLayer(4, 1, 6), 2))
t = nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8)
print(len(t.encoder.layers), len(t.decoder.layers), t.encoder.norm, sum(p.numel() for p in t.parameters()))
print(nn.Transformer.generate_square_subsequent_mask(3))
x = torch.randn(3, 2, 6)
out, w = nn.MultiheadAttention(6, 3)(x, x, x, need_weights=False)
print(out.shape, w)
for bad in [lambda: nn.MultiheadAttention(6, 4),
            lambda: nn.MultiheadAttention(6, 2)(torch.randn(2, 3, 4, 6), x, x),
            lambda: nn.MultiheadAttention(6, 2)(x, x, x, attn_mask=torch.zeros(3, 4)),
            lambda: nn.MultiheadAttention(6, 2)(x, x, x, attn_mask=torch.zeros(2, 3, 3)),
            lambda: nn.MultiheadAttention(6, 2)(x, x, x, key_padding_mask=torch.zeros(3, 3)),
            lambda: nn.TransformerEncoderLayer(4, 2, activation='tanh'),
            lambda: t(torch.randn(3, 2, 4), torch.randn(3, 1, 4)),
            lambda: t(torch.randn(3, 2, 4), torch.randn(3, 2, 5))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)

# CPython 3.11 printed:
# expect: MultiheadAttention(
# expect:   (out_proj): NonDynamicallyQuantizableLinear(in_features=6, out_features=6, bias=True)
# expect: )
# expect: [('q_proj_weight', (6, 6)), ('k_proj_weight', (6, 4)), ('v_proj_weight', (6, 5)), ('in_proj_bias', (18,)), ('bias_k', (1, 1, 6)), ('bias_v', (1, 1, 6)), ('out_proj.weight', (6, 6)), ('out_proj.bias', (6,))]
# expect: None 3 False False
# expect: ['in_proj_weight', 'out_proj.weight']
# expect: TransformerEncoderLayer(
# expect:   (self_attn): MultiheadAttention(
# expect:     (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)
# expect:   )
# expect:   (linear1): Linear(in_features=4, out_features=8, bias=True)
# expect:   (dropout): Dropout(p=0.1, inplace=False)
# expect:   (linear2): Linear(in_features=8, out_features=4, bias=True)
# expect:   (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:   (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:   (dropout1): Dropout(p=0.1, inplace=False)
# expect:   (dropout2): Dropout(p=0.1, inplace=False)
# expect: )
# expect: 1 2
# expect: TransformerDecoder(
# expect:   (layers): ModuleList(
# expect:     (0): TransformerDecoderLayer(
# expect:       (self_attn): MultiheadAttention(
# expect:         (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)
# expect:       )
# expect:       (multihead_attn): MultiheadAttention(
# expect:         (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)
# expect:       )
# expect:       (linear1): Linear(in_features=4, out_features=6, bias=True)
# expect:       (dropout): Dropout(p=0.1, inplace=False)
# expect:       (linear2): Linear(in_features=6, out_features=4, bias=True)
# expect:       (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (norm3): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (dropout1): Dropout(p=0.1, inplace=False)
# expect:       (dropout2): Dropout(p=0.1, inplace=False)
# expect:       (dropout3): Dropout(p=0.1, inplace=False)
# expect:     )
# expect:     (1): TransformerDecoderLayer(
# expect:       (self_attn): MultiheadAttention(
# expect:         (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)
# expect:       )
# expect:       (multihead_attn): MultiheadAttention(
# expect:         (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)
# expect:       )
# expect:       (linear1): Linear(in_features=4, out_features=6, bias=True)
# expect:       (dropout): Dropout(p=0.1, inplace=False)
# expect:       (linear2): Linear(in_features=6, out_features=4, bias=True)
# expect:       (norm1): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (norm2): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (norm3): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
# expect:       (dropout1): Dropout(p=0.1, inplace=False)
# expect:       (dropout2): Dropout(p=0.1, inplace=False)
# expect:       (dropout3): Dropout(p=0.1, inplace=False)
# expect:     )
# expect:   )
# expect: )
# expect: 1 1 LayerNorm((4,), eps=1e-05, elementwise_affine=True) 448
# expect: tensor([[0., -inf, -inf],
# expect:         [0., 0., -inf],
# expect:         [0., 0., 0.]])
# expect: torch.Size([3, 2, 6]) None
# expect: AssertionError: embed_dim must be divisible by num_heads
# expect: AssertionError: query should be unbatched 2D or batched 3D tensor but received 4-D query tensor
# expect: RuntimeError: The shape of the 2D attn_mask is torch.Size([3, 4]), but should be (3, 3).
# expect: RuntimeError: The shape of the 3D attn_mask is torch.Size([2, 3, 3]), but should be (4, 3, 3).
# expect: AssertionError: expecting key_padding_mask shape of (2, 3), but got torch.Size([3, 3])
# expect: RuntimeError: activation should be relu/gelu, not tanh
# expect: RuntimeError: the batch number of src and tgt must be equal
# expect: RuntimeError: the feature number of src and tgt must be equal to d_model
