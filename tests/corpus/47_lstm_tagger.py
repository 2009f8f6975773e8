# Idioms of pytorch/tutorials beginner_source/nlp/sequence_models_tutorial.py: prepare_sequence(seq, to_ix)
# building torch.tensor(idxs, dtype=torch.long), word_to_ix filled from training_data, an LSTMTagger with
# word_embeddings/lstm/hidden2tag, embeds.view(len(sentence), 1, -1), F.log_softmax(tag_space, dim=1),
# torch.manual_seed(1), scoring inside `with torch.no_grad():`.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)


def prepare_sequence(seq, to_ix):
    idxs = [to_ix[w] for w in seq]
    return torch.tensor(idxs, dtype=torch.long)


training_data = [
    # DET determiner, NN noun, V verb
    ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("Everybody read that book".split(), ["NN", "V", "DET", "NN"])
]
word_to_ix = {}
for sent, tags in training_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)  # the next free index
print(word_to_ix)
tag_to_ix = {"DET": 0, "NN": 1, "V": 2}

# tiny sizes, to read the weights by eye
EMBEDDING_DIM = 6
HIDDEN_DIM = 6


class LSTMTagger(nn.Module):

    def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
        super(LSTMTagger, self).__init__()
        self.hidden_dim = hidden_dim

        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)

        # embeddings in, hidden_dim-sized states out
        self.lstm = nn.LSTM(embedding_dim, hidden_dim)

        # hidden state -> one score per tag
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores


model = LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix))
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)

# the scores before any training: row i holds word i's score for each tag
with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores)
