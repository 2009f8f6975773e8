# The functional forms of the vision layers: values, shapes and grad_fn names as PyTorch gives them.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.arange(16.0).reshape(1, 1, 4, 4)
print(F.pad(x, (1, 1, 0, 0), mode='reflect')[0, 0, 0].tolist())
print(F.pad(x[0], (2, 0), mode='replicate')[0, 1].tolist())
print(F.pad(x, (1, 0, 0, 1), value=-1.0)[0, 0, -1].tolist())
print(F.pad(torch.arange(3.0), (2, 1)).tolist())
print(F.interpolate(x, scale_factor=0.5)[0, 0].tolist())
print(F.interpolate(x, size=(2, 3), mode='bilinear', align_corners=True)[0, 0].tolist())
print([round(v, 4) for v in F.interpolate(x, size=(3, 3), mode='bilinear')[0, 0, 1].tolist()])
print([round(v, 4) for v in F.interpolate(x, size=(2, 2), mode='bicubic')[0, 0].flatten().tolist()])
print(F.interpolate(torch.arange(4.0).reshape(1, 1, 4), scale_factor=1.5, mode='linear', align_corners=True).tolist())
print(F.interpolate(torch.arange(4.0).reshape(1, 1, 4), size=6).tolist())
ps = F.pixel_shuffle(torch.arange(8.0).reshape(1, 4, 1, 2), 2)
print(ps.shape, ps.flatten().tolist())
print(F.pixel_unshuffle(ps, 2).flatten().tolist())
print(F.channel_shuffle(torch.arange(6.0).reshape(1, 6, 1, 1), 2).flatten().tolist())
y = torch.tensor([-3.0, -1.0, 0.5, 2.0, 7.0])
print(F.relu6(y).tolist(), F.hardtanh(y).tolist(), F.hardtanh(y, -2.0, 3.0).tolist())
print(F.hardswish(y).tolist())
print([round(v, 4) for v in F.hardsigmoid(y).tolist()])
print([round(v, 4) for v in F.mish(y).tolist()])
print([round(v, 4) for v in F.logsigmoid(y).tolist()])
print([round(v, 4) for v in F.softsign(y).tolist()])
print([round(v, 4) for v in F.celu(y, alpha=2.0).tolist()])
print([round(v, 4) for v in F.tanhshrink(y).tolist()])
print(F.threshold(y, 0.5, -9.0).tolist())
print(F.prelu(y, torch.tensor([0.25])).tolist())
w = torch.ones(1, 1, 2, 2)
print(F.conv_transpose2d(torch.ones(1, 1, 2, 2), w, stride=2).shape)
print(F.conv_transpose2d(torch.ones(1, 1, 2, 2), w).flatten().tolist())
print(F.conv_transpose1d(torch.ones(1, 1, 3), torch.ones(1, 2, 2), torch.tensor([0.5, -0.5]), stride=2, output_padding=1).tolist())
out, idx = F.max_pool2d(x, 2, return_indices=True)
print(out.flatten().tolist(), idx.flatten().tolist(), idx.dtype)
print(F.max_unpool2d(out, idx, 2)[0, 0].tolist())
print(F.max_unpool2d(out, idx, 2, output_size=(5, 5)).shape)

# grad_fn names
a = torch.randn(1, 2, 4, 4, requires_grad=True)
for t in [F.interpolate(a, scale_factor=2), F.interpolate(a, scale_factor=2, mode='bilinear'),
          F.interpolate(a, scale_factor=2, mode='bicubic'), F.pad(a, (1, 1)), F.pad(a, (1, 1, 1, 1), mode='reflect'),
          F.pad(a, (1, 1, 1, 1), mode='replicate'), F.pixel_shuffle(a.reshape(1, 8, 2, 2), 2),
          F.relu6(a), F.hardswish(a), F.hardsigmoid(a), F.mish(a), F.logsigmoid(a), F.celu(a), F.threshold(a, 0.0, 1.0),
          nn.ConvTranspose2d(2, 3, 3)(a), F.max_pool2d(a, 2, return_indices=True)[0]]:
    print(type(t.grad_fn).__name__, tuple(t.shape))

# modules: unbatched inputs and the tuple of MaxPool2d(return_indices=True)
print(nn.ConvTranspose2d(2, 3, 3, stride=2)(torch.randn(2, 4, 4)).shape)
print(nn.ConvTranspose1d(2, 3, 3, stride=2)(torch.randn(2, 4)).shape)
print(nn.InstanceNorm1d(3)(torch.randn(3, 5)).shape)
print(nn.ReflectionPad2d(1)(torch.randn(3, 4, 4)).shape, nn.ReplicationPad1d(2)(torch.randn(3, 4)).shape)
pool = nn.MaxPool2d(2, return_indices=True)
r = pool(torch.randn(2, 3, 4, 4))
print(type(r).__name__, len(r), r[0].shape, r[1].shape)
unpool = nn.MaxUnpool2d(2)
print(unpool(*r).shape, unpool(r[0], r[1], output_size=torch.Size([2, 3, 5, 5])).shape)
up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=False)
print(up(torch.randn(1, 2, 3, 3)).shape, nn.Upsample(size=5)(torch.randn(1, 2, 3)).shape)
n = nn.InstanceNorm2d(2, track_running_stats=True)
n(torch.arange(16.0).reshape(1, 2, 2, 4))
print([round(v, 4) for v in n.running_mean.tolist()], [round(v, 4) for v in n.running_var.tolist()], n.num_batches_tracked.item())

# CPython 3.11 printed:
# expect: [1.0, 0.0, 1.0, 2.0, 3.0, 2.0]
# expect: [4.0, 4.0, 4.0, 5.0, 6.0, 7.0]
# expect: [-1.0, -1.0, -1.0, -1.0, -1.0]
# expect: [0.0, 0.0, 0.0, 1.0, 2.0, 0.0]
# expect: [[0.0, 2.0], [8.0, 10.0]]
# expect: [[0.0, 1.5, 3.0], [12.0, 13.5, 15.0]]
# expect: [6.1667, 7.5, 8.8333]
# expect: [2.0312, 4.2188, 10.7812, 12.9688]
# expect: [[[0.0, 0.6000000238418579, 1.2000000476837158, 1.8000000715255737, 2.4000000953674316, 3.0]]]
# expect: [[[0.0, 0.0, 1.0, 2.0, 2.0, 3.0]]]
# expect: torch.Size([1, 1, 2, 4]) [0.0, 2.0, 1.0, 3.0, 4.0, 6.0, 5.0, 7.0]
# expect: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
# expect: [0.0, 3.0, 1.0, 4.0, 2.0, 5.0]
# expect: [0.0, 0.0, 0.5, 2.0, 6.0] [-1.0, -1.0, 0.5, 1.0, 1.0] [-2.0, -1.0, 0.5, 2.0, 3.0]
# expect: [-0.0, -0.3333333432674408, 0.2916666567325592, 1.6666666269302368, 7.0]
# expect: [0.0, 0.3333, 0.5833, 0.8333, 1.0]
# expect: [-0.1456, -0.3034, 0.3752, 1.944, 7.0]
# expect: [-3.0486, -1.3133, -0.4741, -0.1269, -0.0009]
# expect: [-0.75, -0.5, 0.3333, 0.6667, 0.875]
# expect: [-1.5537, -0.7869, 0.5, 2.0, 7.0]
# expect: [-2.0049, -0.2384, 0.0379, 1.036, 6.0]
# expect: [-9.0, -9.0, -9.0, 2.0, 7.0]
# expect: [-0.75, -0.25, 0.5, 2.0, 7.0]
# expect: torch.Size([1, 1, 4, 4])
# expect: [1.0, 2.0, 1.0, 2.0, 4.0, 2.0, 1.0, 2.0, 1.0]
# expect: [[[1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5]]]
# expect: [5.0, 7.0, 13.0, 15.0] [5, 7, 13, 15] torch.int64
# expect: [[0.0, 0.0, 0.0, 0.0], [0.0, 5.0, 0.0, 7.0], [0.0, 0.0, 0.0, 0.0], [0.0, 13.0, 0.0, 15.0]]
# expect: torch.Size([1, 1, 5, 5])
# expect: UpsampleNearest2DBackward1 (1, 2, 8, 8)
# expect: UpsampleBilinear2DBackward1 (1, 2, 8, 8)
# expect: UpsampleBicubic2DBackward1 (1, 2, 8, 8)
# expect: ConstantPadNdBackward0 (1, 2, 4, 6)
# expect: ReflectionPad2DBackward0 (1, 2, 6, 6)
# expect: ReplicationPad2DBackward0 (1, 2, 6, 6)
# expect: PixelShuffleBackward0 (1, 2, 4, 4)
# expect: HardtanhBackward0 (1, 2, 4, 4)
# expect: HardswishBackward0 (1, 2, 4, 4)
# expect: HardsigmoidBackward0 (1, 2, 4, 4)
# expect: MishBackward0 (1, 2, 4, 4)
# expect: LogSigmoidBackward0 (1, 2, 4, 4)
# expect: CeluBackward0 (1, 2, 4, 4)
# expect: ThresholdBackward0 (1, 2, 4, 4)
# expect: ConvolutionBackward0 (1, 3, 6, 6)
# expect: MaxPool2DWithIndicesBackward0 (1, 2, 2, 2)
# expect: torch.Size([3, 9, 9])
# expect: torch.Size([3, 9])
# expect: torch.Size([3, 5])
# expect: torch.Size([3, 6, 6]) torch.Size([3, 8])
# expect: tuple 2 torch.Size([2, 3, 2, 2]) torch.Size([2, 3, 2, 2])
# expect: torch.Size([2, 3, 4, 4]) torch.Size([2, 3, 5, 5])
# expect: torch.Size([1, 2, 6, 6]) torch.Size([1, 2, 5])
# expect: [0.35, 1.15] [1.5, 1.5] 0
