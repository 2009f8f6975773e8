# Idioms of karpathy/makemore makemore.py (MLP): @dataclass ModelConfig with `int = None` fields, an
# Embedding of vocab_size + 1 rows (the extra one a <BLANK> token), a loop over block_size that rolls the
# indices with torch.roll(idx, 1, 1) and writes idx[:, 0] = self.vocab_size, torch.cat(embs, -1), an
# nn.Sequential Linear-Tanh-Linear head, forward returning (logits, loss); default init.
import os
import sys
import time
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
from torch.nn import functional as F


@dataclass
class ModelConfig:
    block_size: int = None  # length of the input sequences of integers
    vocab_size: int = None  # the input integers are in [0 .. vocab_size - 1]
    # parameters below control the sizes of each model slightly differently
    n_layer: int = 4
    n_embd: int = 64
    n_embd2: int = 64
    n_head: int = 4


class MLP(nn.Module):
    """
    The Bengio et al. 2003 model: the embeddings of the previous block_size tokens are concatenated and
    an MLP predicts the next one.
    """

    def __init__(self, config):
        super().__init__()
        self.block_size = config.block_size
        self.vocab_size = config.vocab_size
        self.wte = nn.Embedding(config.vocab_size + 1, config.n_embd)  # the extra row is the <BLANK> token
        self.mlp = nn.Sequential(
            nn.Linear(self.block_size * config.n_embd, config.n_embd2),
            nn.Tanh(),
            nn.Linear(config.n_embd2, self.vocab_size)
        )

    def get_block_size(self):
        return self.block_size

    def forward(self, idx, targets=None):

        # the embeddings of the previous block_size tokens
        embs = []
        for k in range(self.block_size):
            tok_emb = self.wte(idx)  # token embeddings of shape (b, t, n_embd)
            idx = torch.roll(idx, 1, 1)
            idx[:, 0] = self.vocab_size  # special <BLANK> token
            embs.append(tok_emb)

        # concat all of the embeddings together and pass through an MLP
        x = torch.cat(embs, -1)  # (b, t, n_embd * block_size)
        logits = self.mlp(x)

        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)

        return logits, loss


torch.manual_seed(3407)
config = ModelConfig(vocab_size=27, block_size=6, n_layer=4, n_head=4, n_embd=8, n_embd2=32)
model = MLP(config)
print(f"model #params: {sum(p.numel() for p in model.parameters())}")
X = torch.randint(0, config.vocab_size, (4, config.block_size))
logits, loss = model(X)
