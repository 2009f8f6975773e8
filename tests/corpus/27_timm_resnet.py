# Idioms of huggingface/pytorch-image-models (timm) timm/models/resnet.py: get_padding, create_aa returning
# nn.Identity(), BasicBlock with act_layer/norm_layer classes, `first_dilation = first_dilation or dilation`,
# a zero_init_last() method, downsample_conv/downsample_avg helpers, make_blocks returning (stage_name,
# nn.Sequential) pairs plus feature_info dicts, `self.add_module(*stage)`, init_weights(zero_init_last=True)
# looping over named_modules() with kaiming_normal_(fan_out) and calling m.zero_init_last() via hasattr.
import math
from functools import partial
from typing import Any, Dict, List, Optional, Tuple, Type, Union

import torch
import torch.nn as nn
import torch.nn.functional as F


def get_padding(kernel_size: int, stride: int = 1, dilation: int = 1) -> int:
    padding = ((stride - 1) + dilation * (kernel_size - 1)) // 2
    return padding


def create_aa(aa_layer, channels, stride=2, enable=True):
    if not aa_layer or not enable:
        return nn.Identity()
    return aa_layer(stride) if issubclass(aa_layer, nn.AvgPool2d) else aa_layer(channels=channels, stride=stride)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(
            self,
            inplanes: int,
            planes: int,
            stride: int = 1,
            downsample: Optional[nn.Module] = None,
            cardinality: int = 1,
            base_width: int = 64,
            reduce_first: int = 1,
            dilation: int = 1,
            first_dilation: Optional[int] = None,
            act_layer: Type[nn.Module] = nn.ReLU,
            norm_layer: Type[nn.Module] = nn.BatchNorm2d,
            attn_layer: Optional[Type[nn.Module]] = None,
            aa_layer: Optional[Type[nn.Module]] = None,
            drop_block: Optional[Type[nn.Module]] = None,
            drop_path: Optional[nn.Module] = None,
    ):
        super(BasicBlock, self).__init__()

        assert cardinality == 1, 'BasicBlock only supports cardinality of 1'
        assert base_width == 64, 'BasicBlock does not support changing base width'
        first_planes = planes // reduce_first
        outplanes = planes * self.expansion
        first_dilation = first_dilation or dilation
        use_aa = aa_layer is not None and (stride == 2 or first_dilation != dilation)

        self.conv1 = nn.Conv2d(
            inplanes, first_planes, kernel_size=3, stride=1 if use_aa else stride, padding=first_dilation,
            dilation=first_dilation, bias=False)
        self.bn1 = norm_layer(first_planes)
        self.drop_block = drop_block() if drop_block is not None else nn.Identity()
        self.act1 = act_layer(inplace=True)
        self.aa = create_aa(aa_layer, channels=first_planes, stride=stride, enable=use_aa)

        self.conv2 = nn.Conv2d(
            first_planes, outplanes, kernel_size=3, padding=dilation, dilation=dilation, bias=False)
        self.bn2 = norm_layer(outplanes)

        self.se = attn_layer(outplanes) if attn_layer is not None else None

        self.act2 = act_layer(inplace=True)
        self.downsample = downsample
        self.stride = stride
        self.dilation = dilation
        self.drop_path = drop_path

    def zero_init_last(self):
        if getattr(self.bn2, 'weight', None) is not None:
            nn.init.zeros_(self.bn2.weight)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shortcut = x

        x = self.conv1(x)
        x = self.bn1(x)
        x = self.drop_block(x)
        x = self.act1(x)
        x = self.aa(x)

        x = self.conv2(x)
        x = self.bn2(x)

        if self.se is not None:
            x = self.se(x)

        if self.drop_path is not None:
            x = self.drop_path(x)

        if self.downsample is not None:
            shortcut = self.downsample(shortcut)
        x += shortcut
        x = self.act2(x)

        return x


def downsample_conv(in_channels, out_channels, kernel_size, stride=1, dilation=1, first_dilation=None,
                    norm_layer=None):
    """Shortcut projection: a strided conv (1x1 unless asked otherwise) and a norm."""
    if stride == 1 and dilation == 1:
        kernel_size = 1
    if kernel_size == 1:
        first_dilation = 1
    else:
        first_dilation = first_dilation or dilation
    conv = nn.Conv2d(in_channels, out_channels, kernel_size, stride=stride,
                     padding=get_padding(kernel_size, stride, first_dilation), dilation=first_dilation, bias=False)
    return nn.Sequential(*[conv, (norm_layer or nn.BatchNorm2d)(out_channels)])


def downsample_avg(in_channels, out_channels, kernel_size, stride=1, dilation=1, first_dilation=None,
                   norm_layer=None):
    """Shortcut of the 'd' variants: average pooling does the striding, a 1x1 conv the projection."""
    needs_pool = not (stride == 1 and dilation == 1)
    pool = nn.AvgPool2d(2, stride if dilation == 1 else 1, ceil_mode=True, count_include_pad=False) \
        if needs_pool else nn.Identity()
    conv = nn.Conv2d(in_channels, out_channels, 1, stride=1, padding=0, bias=False)
    return nn.Sequential(*[pool, conv, (norm_layer or nn.BatchNorm2d)(out_channels)])


def make_blocks(
        block_fn, channels, block_repeats, inplanes, reduce_first=1, output_stride=32,
        down_kernel_size=1, avg_down=False, drop_block_rate=0., drop_path_rate=0., **kwargs):
    """The residual stages as (name, nn.Sequential) pairs, with a feature_info dict per stage."""
    stages, feature_info = [], []
    total_stride = 4  # after the stem and its max pooling
    dilation = prev_dilation = 1
    for index, (planes, count) in enumerate(zip(channels, block_repeats)):
        name = f'layer{index + 1}'  # the names pretrained weights use
        stride = 2 if index > 0 else 1
        if total_stride < output_stride:
            total_stride *= stride
        else:
            # past the requested output stride: dilate instead of striding
            dilation *= stride
            stride = 1

        out_planes = planes * block_fn.expansion
        downsample = None
        if stride != 1 or inplanes != out_planes:
            make_shortcut = downsample_avg if avg_down else downsample_conv
            downsample = make_shortcut(
                in_channels=inplanes, out_channels=out_planes, kernel_size=down_kernel_size, stride=stride,
                dilation=dilation, first_dilation=prev_dilation, norm_layer=kwargs.get('norm_layer'))

        blocks = []
        for i in range(count):
            first = i == 0
            blocks.append(block_fn(
                inplanes, planes, stride if first else 1, downsample if first else None,
                first_dilation=prev_dilation, drop_path=None, reduce_first=reduce_first, dilation=dilation,
                **kwargs))
            prev_dilation = dilation
            inplanes = out_planes

        stages.append((name, nn.Sequential(*blocks)))
        feature_info.append(dict(num_chs=inplanes, reduction=total_stride, module=name))

    return stages, feature_info


class ResNet(nn.Module):
    """ResNet / ResNeXt family (the stem_type '' variant: one 7x7 convolution)."""

    def __init__(
            self,
            block: Union[Type[BasicBlock]],
            layers: Tuple[int, ...],
            num_classes: int = 1000,
            in_chans: int = 3,
            output_stride: int = 32,
            global_pool: str = 'avg',
            stem_width: int = 64,
            channels: Tuple[int, ...] = (64, 128, 256, 512),
            down_kernel_size: int = 1,
            avg_down: bool = False,
            act_layer: Type[nn.Module] = nn.ReLU,
            norm_layer: Type[nn.Module] = nn.BatchNorm2d,
            drop_rate: float = 0.0,
            zero_init_last: bool = True,
            block_args: Optional[Dict[str, Any]] = None,
    ):
        super(ResNet, self).__init__()
        block_args = block_args or dict()
        assert output_stride in (8, 16, 32)
        self.num_classes = num_classes
        self.drop_rate = drop_rate
        self.grad_checkpointing = False

        # Stem
        inplanes = stem_width
        self.conv1 = nn.Conv2d(in_chans, inplanes, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = norm_layer(inplanes)
        self.act1 = act_layer(inplace=True)
        self.feature_info = [dict(num_chs=inplanes, reduction=2, module='act1')]
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)

        # Feature Blocks
        stage_modules, stage_feature_info = make_blocks(
            block,
            list(channels),
            layers,
            inplanes,
            output_stride=output_stride,
            down_kernel_size=down_kernel_size,
            avg_down=avg_down,
            act_layer=act_layer,
            norm_layer=norm_layer,
            **block_args,
        )
        for stage in stage_modules:
            self.add_module(*stage)  # layer1, layer2, etc
        self.feature_info.extend(stage_feature_info)

        # Head (Pooling and Classifier)
        self.num_features = channels[-1] * block.expansion
        self.global_pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(self.num_features, self.num_classes)

        self.init_weights(zero_init_last=zero_init_last)

    @torch.jit.ignore
    def init_weights(self, zero_init_last: bool = True):
        for n, m in self.named_modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
        if zero_init_last:
            for m in self.modules():
                if hasattr(m, 'zero_init_last'):
                    m.zero_init_last()

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv1(x)
        x = self.bn1(x)
        x = self.act1(x)
        x = self.maxpool(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)
        return x

    def forward_head(self, x: torch.Tensor, pre_logits: bool = False) -> torch.Tensor:
        x = self.global_pool(x).flatten(1)
        if self.drop_rate:
            x = F.dropout(x, p=float(self.drop_rate), training=self.training)
        return x if pre_logits else self.fc(x)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.forward_features(x)
        x = self.forward_head(x)
        return x


def _create_resnet(**kwargs) -> ResNet:
    return ResNet(**kwargs)


model_args = dict(block=BasicBlock, layers=(1, 1, 1, 1), stem_width=8, channels=(8, 16, 32, 64), avg_down=True)
model = _create_resnet(**dict(model_args, num_classes=10, drop_rate=0.2))
x = torch.randn(2, 3, 32, 32)
out = model(x)
