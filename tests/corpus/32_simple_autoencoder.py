# Idioms of L1aoXingyu/pytorch-beginner 08-AutoEncoder/simple_autoencoder.py: a fully connected autoencoder
# 28*28 -> 128 -> 64 -> 12 -> 3 and back with nn.ReLU(True) and a Tanh output, img.view(img.size(0), -1),
# Variable, MSELoss and Adam(weight_decay=1e-5); PyTorch's default init.
import torch
from torch import nn
from torch.autograd import Variable

num_epochs = 100
batch_size = 2
learning_rate = 1e-3


class autoencoder(nn.Module):
    def __init__(self):
        super(autoencoder, self).__init__()
        self.encoder = nn.Sequential(
            nn.Linear(28 * 28, 128),
            nn.ReLU(True),
            nn.Linear(128, 64),
            nn.ReLU(True), nn.Linear(64, 12), nn.ReLU(True), nn.Linear(12, 3))
        self.decoder = nn.Sequential(
            nn.Linear(3, 12),
            nn.ReLU(True),
            nn.Linear(12, 64),
            nn.ReLU(True), nn.Linear(64, 128), nn.ReLU(True), nn.Linear(128, 28 * 28), nn.Tanh())

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x


model = autoencoder()
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(
    model.parameters(), lr=learning_rate, weight_decay=1e-5)

img = torch.rand(batch_size, 1, 28, 28)
img = img.view(img.size(0), -1)
img = Variable(img)
# ===================forward=====================
output = model(img)
loss = criterion(output, img)
