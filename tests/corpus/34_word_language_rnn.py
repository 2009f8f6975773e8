# Idioms of pytorch/examples word_language_model/model.py (RNNModel): getattr(nn, rnn_type)(...) for LSTM/GRU,
# try/except KeyError ... raise ValueError(...) from e for RNN_TANH/RNN_RELU, tied decoder/encoder weights,
# init_weights with nn.init.uniform_(-0.1, 0.1) and zeros_, init_hidden via next(self.parameters()).new_zeros,
# forward returning (F.log_softmax(decoded, dim=1), hidden); main.py's batchify and repackage_hidden.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class RNNModel(nn.Module):
    """Container module with an encoder, a recurrent module, and a decoder."""

    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        if rnn_type in ['LSTM', 'GRU']:
            self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        else:
            try:
                nonlinearity = {'RNN_TANH': 'tanh', 'RNN_RELU': 'relu'}[rnn_type]
            except KeyError as e:
                raise ValueError("""An invalid option for `--model` was supplied,
                                 options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']""") from e
            self.rnn = nn.RNN(ninp, nhid, nlayers, nonlinearity=nonlinearity, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)

        # Weight tying (Press & Wolf 2016, https://arxiv.org/abs/1608.05859; Inan et al. 2016,
        # https://arxiv.org/abs/1611.01462): the decoder shares the embedding matrix.
        if tie_weights:
            if nhid != ninp:
                raise ValueError('When using the tied flag, nhid must be equal to emsize')
            self.decoder.weight = self.encoder.weight

        self.init_weights()

        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output)
        decoded = decoded.view(-1, self.ntoken)
        return F.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == 'LSTM':
            return (weight.new_zeros(self.nlayers, bsz, self.nhid),
                    weight.new_zeros(self.nlayers, bsz, self.nhid))
        else:
            return weight.new_zeros(self.nlayers, bsz, self.nhid)


def batchify(data, bsz):
    # as many whole columns of bsz tokens as fit, the rest dropped
    nbatch = data.size(0) // bsz
    data = data.narrow(0, 0, nbatch * bsz)
    data = data.view(bsz, -1).t().contiguous()
    return data


def repackage_hidden(h):
    """Detaches the hidden state (a tensor or a tuple of them) from the previous batch's graph."""
    if isinstance(h, torch.Tensor):
        return h.detach()
    else:
        return tuple(repackage_hidden(v) for v in h)


bptt = 6
ntokens = 50
torch.manual_seed(1111)
model = RNNModel('LSTM', ntokens, 16, 16, 2, 0.2, tie_weights=True)

corpus_ids = torch.randint(0, ntokens, (60,))
train_data = batchify(corpus_ids, 4)
hidden = model.init_hidden(4)
i = 0
seq_len = min(bptt, len(train_data) - 1 - i)
data = train_data[i:i+seq_len]
hidden = repackage_hidden(hidden)
output, hidden = model(data, hidden)
