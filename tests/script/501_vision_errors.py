# The vision layers' argument and shape errors, in PyTorch's words.
import torch
import torch.nn as nn
import torch.nn.functional as F


def show(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: nn.ConvTranspose2d(4, 6, 3, groups=4))
show(lambda: nn.ConvTranspose2d(3, 6, 3, groups=2))
show(lambda: nn.ConvTranspose2d(4, 6, 3, groups=0))
show(lambda: nn.ConvTranspose2d(4, 6, 3, padding_mode='reflect'))
show(lambda: nn.ConvTranspose2d(0, 6, 3))
show(lambda: nn.ConvTranspose2d(4, 6, 3)(torch.randn(1, 3, 5, 5)))
show(lambda: nn.ConvTranspose2d(4, 6, 3)(torch.randn(4, 5)))
show(lambda: nn.ConvTranspose2d(4, 6, 3, output_padding=1)(torch.randn(1, 4, 5, 5)))
show(lambda: nn.ConvTranspose2d(3, 2, 3, stride=2)(torch.randn(1, 3, 4, 4), output_size=[12, 12]))
show(lambda: nn.ConvTranspose2d(3, 2, 3, stride=2)(torch.randn(1, 3, 4, 4), output_size=[9]))
show(lambda: nn.ConvTranspose1d(4, 6, 3)(torch.randn(2, 3, 5)))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), size=8, scale_factor=2))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4)))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), scale_factor=2, align_corners=True))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), size=(8, 8, 8)))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), scale_factor=(2, 2, 2)))
show(lambda: F.interpolate(torch.randn(1, 2, 4), scale_factor=2, mode='bilinear'))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), scale_factor=2, mode='linear'))
show(lambda: F.interpolate(torch.randn(1, 2, 4, 4), size=8, recompute_scale_factor=True))
show(lambda: nn.Upsample(scale_factor=2, align_corners=False)(torch.randn(1, 1, 2, 2)))
show(lambda: F.pad(torch.randn(1, 2, 3, 3), (1, 1, 1)))
show(lambda: F.pad(torch.randn(3), (1, 1, 1, 1)))
show(lambda: nn.ReflectionPad2d(3)(torch.randn(1, 1, 3, 3)))
show(lambda: F.pad(torch.randn(1, 1, 3, 3), (1, 1), mode='reflect', value=2.0))
show(lambda: nn.PixelShuffle(2)(torch.randn(1, 6, 2, 2)))
show(lambda: nn.PixelShuffle(2)(torch.randn(6, 2)))
show(lambda: nn.PixelUnshuffle(2)(torch.randn(1, 1, 3, 4)))
show(lambda: nn.PixelUnshuffle(2)(torch.randn(1, 1, 4, 3)))
show(lambda: nn.ChannelShuffle(4)(torch.randn(1, 6, 2, 2)))
show(lambda: nn.InstanceNorm2d(3)(torch.randn(2, 3, 4)))
show(lambda: nn.InstanceNorm1d(3)(torch.randn(2, 3, 4, 4)))
show(lambda: nn.InstanceNorm2d(3, affine=True)(torch.randn(2, 4, 3, 3)))
show(lambda: nn.PReLU(3)(torch.randn(2, 4, 5)))
show(lambda: nn.Hardtanh(1.0, -1.0))
show(lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.long), output_size=(9, 9)))
show(lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.long), output_size=(4,)))
show(lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.zeros(1, 1, 2, 3, dtype=torch.long)))
show(lambda: nn.MaxUnpool2d(2)(torch.randn(1, 1, 2, 2), torch.full((1, 1, 2, 2), 16, dtype=torch.long)))

# CPython 3.11 printed:
# expect: ValueError: out_channels must be divisible by groups
# expect: ValueError: in_channels must be divisible by groups
# expect: ValueError: groups must be a positive integer
# expect: ValueError: Only "zeros" padding mode is supported for ConvTranspose2d
# expect: no error
# expect: RuntimeError: Given transposed=1, weight of size [4, 6, 3, 3], expected input[1, 3, 5, 5] to have 4 channels, but got 3 channels instead
# expect: RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [4, 5]
# expect: RuntimeError: output padding must be smaller than either stride or dilation, but got output_padding_height: 1 output_padding_width: 1 stride_height: 1 stride_width: 1 dilation_height: 1 dilation_width: 1
# expect: ValueError: requested an output size of [12, 12], but valid sizes range from [9, 9] to [10, 10] (for an input of torch.Size([4, 4]))
# expect: ValueError: ConvTranspose2D: for 4D input, output_size must have 2 or 4 elements (got 1)
# expect: RuntimeError: Given transposed=1, weight of size [4, 6, 3], expected input[2, 3, 5] to have 4 channels, but got 3 channels instead
# expect: ValueError: only one of size or scale_factor should be defined
# expect: ValueError: either size or scale_factor should be defined
# expect: ValueError: align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear
# expect: ValueError: Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [4, 4] and output size of (8, 8, 8). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.
# expect: ValueError: Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [4, 4] and scale_factor of shape (2, 2, 2). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.
# expect: NotImplementedError: Got 3D input, but bilinear mode needs 4D input
# expect: NotImplementedError: Got 4D input, but linear mode needs 3D input
# expect: ValueError: recompute_scale_factor is not meaningful with an explicit size.
# expect: ValueError: align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear
# expect: RuntimeError: Padding length must be divisible by 2
# expect: RuntimeError: Padding length too large
# expect: RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 3 of input 4
# expect: RuntimeError: Padding mode "reflect" doesn't take in value argument
# expect: RuntimeError: pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=6 is not divisible by 4
# expect: RuntimeError: pixel_shuffle expects input to have at least 3 dimensions, but got input with 2 dimension(s)
# expect: RuntimeError: pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=3 is not divisible by 2
# expect: RuntimeError: pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=3 is not divisible by 2
# expect: RuntimeError: Number of channels must be divisible by groups. Got 6 channels and 4 groups.
# expect: no error
# expect: ValueError: expected 2D or 3D input (got 4D input)
# expect: RuntimeError: weight should contain 8 elements not 6
# expect: RuntimeError: Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 4.
# expect: AssertionError: 
# expect: ValueError: invalid output_size "(9, 9)" (dim 0 must be between 2 and 6)
# expect: ValueError: output_size should be a sequence containing 2 or 4 elements, but it has a length of '1'
# expect: RuntimeError: Expected shape of indices to be same as that of the input tensor ([1, 1, 2, 2]) but got indices tensor with shape: [1, 1, 2, 3]
# expect: RuntimeError: Found an invalid max index: 16 (output volumes are of size 4x4
