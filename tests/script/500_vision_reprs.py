# The vision layers' reprs, parameter names and shapes, and types, as PyTorch prints them.
import torch
import torch.nn as nn

layers = [
    nn.ConvTranspose2d(16, 8, 4, 2, 1, bias=False),
    nn.ConvTranspose2d(3, 6, (3, 5), stride=(2, 1), padding=(1, 2), output_padding=(1, 0), groups=3, dilation=2),
    nn.ConvTranspose1d(4, 2, 3),
    nn.ConvTranspose1d(4, 2, 3, stride=2, output_padding=1, bias=False),
    nn.Upsample(scale_factor=2, mode='nearest'),
    nn.Upsample(size=(4, 5), mode='bilinear', align_corners=True),
    nn.Upsample(scale_factor=(2, 3), mode='bicubic'),
    nn.Upsample(size=7),
    nn.UpsamplingNearest2d(scale_factor=2),
    nn.UpsamplingBilinear2d(size=(3, 3)),
    nn.ZeroPad2d(2),
    nn.ZeroPad2d((1, 2, 3, 4)),
    nn.ConstantPad1d(2, 3.5),
    nn.ConstantPad2d((1, 0, 2, 0), -1),
    nn.ReflectionPad1d(3),
    nn.ReflectionPad2d(1),
    nn.ReplicationPad1d((1, 2)),
    nn.ReplicationPad2d(2),
    nn.PixelShuffle(3),
    nn.PixelUnshuffle(2),
    nn.ChannelShuffle(4),
    nn.InstanceNorm1d(8),
    nn.InstanceNorm2d(16, affine=True),
    nn.InstanceNorm2d(4, eps=1e-3, momentum=None, track_running_stats=True),
    nn.PReLU(),
    nn.PReLU(num_parameters=3, init=0.1),
    nn.ReLU6(),
    nn.ReLU6(inplace=True),
    nn.Hardtanh(),
    nn.Hardtanh(-2, 2.5, inplace=True),
    nn.Hardswish(),
    nn.Hardsigmoid(inplace=True),
    nn.Mish(),
    nn.LogSigmoid(),
    nn.Softsign(),
    nn.CELU(),
    nn.CELU(alpha=0.5, inplace=True),
    nn.Tanhshrink(),
    nn.Threshold(0.1, 20),
    nn.MaxPool2d(2, return_indices=True),
    nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True, return_indices=True),
    nn.MaxUnpool2d(2),
    nn.MaxUnpool2d((3, 2), stride=1, padding=(1, 0)),
]
for m in layers:
    print(m)
    for name, p in m.named_parameters():
        print("  ", name, tuple(p.shape), p.requires_grad)
print(type(nn.ConvTranspose2d(1, 1, 1)))
print(type(nn.Upsample(scale_factor=2)), type(nn.ReflectionPad2d(1)), type(nn.PixelShuffle(2)))
print(type(nn.InstanceNorm2d(1)), type(nn.PReLU()), type(nn.MaxUnpool2d(2)))
print(isinstance(nn.MaxPool2d(2, return_indices=True), nn.MaxPool2d))
n = nn.InstanceNorm2d(3, affine=True, track_running_stats=True)
print(list(n.state_dict().keys()))
print(nn.PReLU(2).weight)
print(nn.Sequential(nn.ConvTranspose2d(8, 4, 4, 2, 1), nn.InstanceNorm2d(4), nn.ReLU6(True), nn.ReflectionPad2d(1)))

# CPython 3.11 printed:
# expect: ConvTranspose2d(16, 8, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1), bias=False)
# expect:    weight (16, 8, 4, 4) True
# expect: ConvTranspose2d(3, 6, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), dilation=(2, 2), output_padding=(1, 0), groups=3)
# expect:    weight (3, 2, 3, 5) True
# expect:    bias (6,) True
# expect: ConvTranspose1d(4, 2, kernel_size=(3,), stride=(1,))
# expect:    weight (4, 2, 3) True
# expect:    bias (2,) True
# expect: ConvTranspose1d(4, 2, kernel_size=(3,), stride=(2,), output_padding=(1,), bias=False)
# expect:    weight (4, 2, 3) True
# expect: Upsample(scale_factor=2.0, mode=nearest)
# expect: Upsample(size=(4, 5), mode=bilinear)
# expect: Upsample(scale_factor=(2.0, 3.0), mode=bicubic)
# expect: Upsample(size=7, mode=nearest)
# expect: UpsamplingNearest2d(scale_factor=2.0, mode=nearest)
# expect: UpsamplingBilinear2d(size=(3, 3), mode=bilinear)
# expect: ZeroPad2d((2, 2, 2, 2))
# expect: ZeroPad2d((1, 2, 3, 4))
# expect: ConstantPad1d(padding=(2, 2), value=3.5)
# expect: ConstantPad2d(padding=(1, 0, 2, 0), value=-1)
# expect: ReflectionPad1d((3, 3))
# expect: ReflectionPad2d((1, 1, 1, 1))
# expect: ReplicationPad1d((1, 2))
# expect: ReplicationPad2d((2, 2, 2, 2))
# expect: PixelShuffle(upscale_factor=3)
# expect: PixelUnshuffle(downscale_factor=2)
# expect: ChannelShuffle(groups=4)
# expect: InstanceNorm1d(8, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)
# expect: InstanceNorm2d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=False)
# expect:    weight (16,) True
# expect:    bias (16,) True
# expect: InstanceNorm2d(4, eps=0.001, momentum=None, affine=False, track_running_stats=True)
# expect: PReLU(num_parameters=1)
# expect:    weight (1,) True
# expect: PReLU(num_parameters=3)
# expect:    weight (3,) True
# expect: ReLU6()
# expect: ReLU6(inplace=True)
# expect: Hardtanh(min_val=-1.0, max_val=1.0)
# expect: Hardtanh(min_val=-2, max_val=2.5, inplace=True)
# expect: Hardswish()
# expect: Hardsigmoid()
# expect: Mish()
# expect: LogSigmoid()
# expect: Softsign()
# expect: CELU(alpha=1.0)
# expect: CELU(alpha=0.5, inplace=True)
# expect: Tanhshrink()
# expect: Threshold(threshold=0.1, value=20)
# expect: MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
# expect: MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True)
# expect: MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))
# expect: MaxUnpool2d(kernel_size=(3, 2), stride=(1, 1), padding=(1, 0))
# expect: <class 'torch.nn.modules.conv.ConvTranspose2d'>
# expect: <class 'torch.nn.modules.upsampling.Upsample'> <class 'torch.nn.modules.padding.ReflectionPad2d'> <class 'torch.nn.modules.pixelshuffle.PixelShuffle'>
# expect: <class 'torch.nn.modules.instancenorm.InstanceNorm2d'> <class 'torch.nn.modules.activation.PReLU'> <class 'torch.nn.modules.pooling.MaxUnpool2d'>
# expect: True
# expect: ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
# expect: Parameter containing:
# expect: tensor([0.2500, 0.2500], requires_grad=True)
# expect: Sequential(
# expect:   (0): ConvTranspose2d(8, 4, kernel_size=(4, 4), stride=(2, 2), padding=(1, 1))
# expect:   (1): InstanceNorm2d(4, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)
# expect:   (2): ReLU6(inplace=True)
# expect:   (3): ReflectionPad2d((1, 1, 1, 1))
# expect: )
