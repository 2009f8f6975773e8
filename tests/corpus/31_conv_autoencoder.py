# Idioms of L1aoXingyu/pytorch-beginner 08-AutoEncoder/conv_autoencoder.py: class autoencoder(nn.Module)
# with encoder/decoder nn.Sequential, Conv2d(stride=3, padding=1) + MaxPool2d(2, stride=1), ConvTranspose2d
# decoder ending in Tanh, shape comments per layer, `model = autoencoder()`, default init.
__author__ = 'SherlockLiao'

import os

import torch
from torch import nn
from torch.autograd import Variable

num_epochs = 100
batch_size = 2
learning_rate = 1e-3


def to_img(x):
    x = 0.5 * (x + 1)
    x = x.clamp(0, 1)
    x = x.view(x.size(0), 1, 28, 28)
    return x


class autoencoder(nn.Module):
    def __init__(self):
        super(autoencoder, self).__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, stride=3, padding=1),  # b, 16, 10, 10
            nn.ReLU(True),
            nn.MaxPool2d(2, stride=2),  # b, 16, 5, 5
            nn.Conv2d(16, 8, 3, stride=2, padding=1),  # b, 8, 3, 3
            nn.ReLU(True),
            nn.MaxPool2d(2, stride=1)  # b, 8, 2, 2
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(8, 16, 3, stride=2),  # b, 16, 5, 5
            nn.ReLU(True),
            nn.ConvTranspose2d(16, 8, 5, stride=3, padding=1),  # b, 8, 15, 15
            nn.ReLU(True),
            nn.ConvTranspose2d(8, 1, 2, stride=2, padding=1),  # b, 1, 28, 28
            nn.Tanh()
        )

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x


model = autoencoder()
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=1e-5)

img = torch.rand(batch_size, 1, 28, 28) * 2 - 1
img = Variable(img)
# ===================forward=====================
output = model(img)
loss = criterion(output, img)
pic = to_img(output.data)
