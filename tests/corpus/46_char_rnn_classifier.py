# Idioms of pytorch/tutorials intermediate_source/char_rnn_classification_tutorial.py: all_letters from
# string.ascii_letters + " .,;'", unicodeToAscii with unicodedata.normalize('NFD', s) and
# unicodedata.category(c) != 'Mn', letterToIndex via str.find, one-hot lineToTensor(line) of shape
# <line_length x 1 x n_letters>, an RNN module of i2h/i2o Linear layers on torch.cat((input, hidden), 1) with
# nn.LogSoftmax(dim=1), initHidden(), the per-letter loop `for i in range(line_tensor.size()[0])`.
from __future__ import unicode_literals, print_function, division
from io import open
import glob
import os
import unicodedata
import string

import torch
import torch.nn as nn

all_letters = string.ascii_letters + " .,;'"
n_letters = len(all_letters)


# accents stripped (NFD, then no combining marks), other letters dropped
def unicodeToAscii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
        and c in all_letters
    )


all_categories = ['English', 'French', 'Irish', 'Polish']
n_categories = len(all_categories)


# a letter's position in all_letters
def letterToIndex(letter):
    return all_letters.find(letter)


# one letter as a one-hot <1 x n_letters> tensor
def letterToTensor(letter):
    tensor = torch.zeros(1, n_letters)
    tensor[0][letterToIndex(letter)] = 1
    return tensor


# a name as one one-hot row per letter: <line_length x 1 x n_letters>
def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()

        self.hidden_size = hidden_size

        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(input_size + hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        combined = torch.cat((input, hidden), 1)
        hidden = self.i2h(combined)
        output = self.i2o(combined)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)


n_hidden = 32
rnn = RNN(n_letters, n_hidden, n_categories)
model = rnn


def categoryFromOutput(output):
    top_n, top_i = output.topk(1)
    category_i = top_i[0].item()
    return all_categories[category_i], category_i


def evaluate(line_tensor):
    hidden = rnn.initHidden()

    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)

    return output


line = unicodeToAscii('Ślusàrski')
output = evaluate(lineToTensor(line))
print(line, categoryFromOutput(output))
