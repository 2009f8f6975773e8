# A character-level LSTM language model for the words (27 characters: '.' and a-z), to train in
# the playground on next-character prediction. PyTorch's default LSTM init draws every weight
# from U(-1/sqrt(hidden), 1/sqrt(hidden)); the recipe many language-model papers use instead makes
# each gate's recurrent matrix orthogonal (its singular values are 1, so the hidden state neither
# grows nor fades as the steps repeat it) and sets the forget gate's bias to 1, so the cell keeps
# its memory at the start of training instead of forgetting half of it every step.
import torch
import torch.nn as nn


class CharLSTM(nn.Module):
    def __init__(self, vocab=27, embed=16, hidden=64, block_size=8):
        super().__init__()
        self.block_size = block_size  # the Trainer's context length
        self.embed = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, idx):
        h, _ = self.lstm(self.embed(idx))
        return self.head(h)  # (batch, block_size, vocab): a score for every next character


def initialize_lstm(lstm):
    hidden = lstm.hidden_size
    with torch.no_grad():
        for gate in lstm.weight_hh_l0.chunk(4, 0):  # input, forget, cell, output gates
            nn.init.orthogonal_(gate)
        lstm.bias_ih_l0.zero_()
        lstm.bias_hh_l0.zero_()
        lstm.bias_ih_l0[hidden:2 * hidden] = 1.0  # the forget gate


torch.manual_seed(0)
model = CharLSTM()
initialize_lstm(model.lstm)

x = torch.randint(0, 27, (4, 8))
print(f"output std {model(x).std().item():.4f}")
