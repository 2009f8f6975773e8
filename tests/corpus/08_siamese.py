# Idioms of pytorch/examples siamese_network/main.py: SiameseNetwork with a backbone whose last layer is
# dropped via nn.Sequential(*(list(m.children())[:-1])), fc head on torch.cat of two forward_once
# outputs, self.fc.apply(self.init_weights) with xavier_uniform_ and bias.data.fill_(0.01), sigmoid.
from __future__ import print_function
import random
import numpy as np

import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallBackbone(nn.Module):
    """Stands in for torchvision.models.resnet18(): conv stem, two stages, avgpool, fc."""
    def __init__(self, num_classes=10):
        super(SmallBackbone, self).__init__()
        self.conv1 = nn.Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = nn.Sequential(nn.Conv2d(8, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True))
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(16, num_classes)


class SiameseNetwork(nn.Module):
    """
        Siamese network for image similarity estimation: two identical feature extractors,
        their features concatenated and passed to a linear head with a sigmoid.
    """
    def __init__(self):
        super(SiameseNetwork, self).__init__()
        self.resnet = SmallBackbone()

        # over-write the first conv layer to be able to read MNIST images
        self.resnet.conv1 = nn.Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)
        self.fc_in_features = self.resnet.fc.in_features

        # remove the last layer of the backbone (linear layer which is after the avgpool layer)
        self.resnet = torch.nn.Sequential(*(list(self.resnet.children())[:-1]))

        # add linear layers to compare between the features of the two images
        self.fc = nn.Sequential(
            nn.Linear(self.fc_in_features * 2, 32),
            nn.ReLU(inplace=True),
            nn.Linear(32, 1),
        )

        self.sigmoid = nn.Sigmoid()

        # initialize the weights
        self.resnet.apply(self.init_weights)
        self.fc.apply(self.init_weights)

    def init_weights(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight)
            m.bias.data.fill_(0.01)

    def forward_once(self, x):
        output = self.resnet(x)
        output = output.view(output.size()[0], -1)
        return output

    def forward(self, input1, input2):
        # get two images' features
        output1 = self.forward_once(input1)
        output2 = self.forward_once(input2)

        # concatenate both images' features
        output = torch.cat((output1, output2), 1)

        # pass the concatenation to the linear layers
        output = self.fc(output)

        # pass the out of the linear layers to sigmoid layer
        output = self.sigmoid(output)

        return output


torch.manual_seed(1)
device = torch.device("cpu")
model = SiameseNetwork().to(device)
model.eval()
images_1 = torch.randn(2, 1, 12, 12)
images_2 = torch.randn(2, 1, 12, 12)
outputs = model(images_1, images_2).squeeze()
pred = torch.where(outputs > 0.5, 1, 0)
