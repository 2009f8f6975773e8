# Idioms of Shawn1993/cnn-text-classification-pytorch model.py (Kim 2014, also pytorch/examples
# cnn_text_classfication): an args namespace (argparse.Namespace) read as V/D/C/Ci/Co/Ks, nn.ModuleList of
# Conv2d(Ci, Co, (K, D)) for K in Ks, `self.embed.weight.requires_grad = False` when static, list
# comprehensions [F.relu(conv(x)).squeeze(3) for conv in self.convs] and F.max_pool1d(i, i.size(2)).squeeze(2),
# torch.cat(x, 1), dropout, fc1.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN_Text(nn.Module):

    def __init__(self, args):
        super(CNN_Text, self).__init__()
        self.args = args

        V = args.embed_num
        D = args.embed_dim
        C = args.class_num
        Ci = 1
        Co = args.kernel_num
        Ks = args.kernel_sizes

        self.embed = nn.Embedding(V, D)
        self.convs = nn.ModuleList([nn.Conv2d(Ci, Co, (K, D)) for K in Ks])
        self.dropout = nn.Dropout(args.dropout)
        self.fc1 = nn.Linear(len(Ks) * Co, C)

        if self.args.static:
            self.embed.weight.requires_grad = False

    def forward(self, x):
        x = self.embed(x)  # (N, W, D)

        x = x.unsqueeze(1)  # (N, Ci, W, D)

        x = [F.relu(conv(x)).squeeze(3) for conv in self.convs]  # [(N, Co, W), ...]*len(Ks)

        x = [F.max_pool1d(i, i.size(2)).squeeze(2) for i in x]  # [(N, Co), ...]*len(Ks)

        x = torch.cat(x, 1)

        x = self.dropout(x)  # (N, len(Ks)*Co)
        logit = self.fc1(x)  # (N, C)
        return logit


parser = argparse.ArgumentParser(description='CNN text classificer')
parser.add_argument('-dropout', type=float, default=0.5, help='the probability for dropout [default: 0.5]')
parser.add_argument('-embed-dim', type=int, default=16, help='number of embedding dimension [default: 128]')
parser.add_argument('-kernel-num', type=int, default=8, help='number of each kind of kernel')
parser.add_argument('-kernel-sizes', type=str, default='3,4,5', help='comma-separated kernel size to use for convolution')
parser.add_argument('-static', action='store_true', default=False, help='fix the embedding')
args = parser.parse_args()

# update args and print
args.embed_num = 50
args.class_num = 2
args.kernel_sizes = [int(k) for k in args.kernel_sizes.split(',')]

print("\nParameters:")
for attr, value in sorted(args.__dict__.items()):
    print("\t{}={}".format(attr.upper(), value))

cnn = CNN_Text(args)
model = cnn
feature = torch.randint(0, args.embed_num, (3, 12))
logit = model(feature)
