# A small GPT (decoder-only transformer) for the words (27 characters: '.' and a-z), to train in
# the playground on next-character prediction. GPT-2 draws every Linear and Embedding weight from
# N(0, 0.02) and, because each block adds its attention and MLP output to the residual stream,
# scales the residual projections down to std 0.02 / sqrt(2 * n_layer) so the stream's variance
# stays the same however deep the stack. Plain N(0, 0.02) everywhere lets it grow with depth;
# PyTorch's default (Linear: U(+-1/sqrt(fan_in)), Embedding: N(0, 1)) starts with far larger
# attention logits, so the softmax is peaked and its entropy low before anything is learned.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        self.n_head = n_head
        self.qkv = nn.Linear(n_embd, 3 * n_embd)
        self.proj = nn.Linear(n_embd, n_embd)  # a residual projection
        self.register_buffer("mask", torch.tril(torch.ones(block_size, block_size)).view(1, 1, block_size, block_size))

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q = q.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        k = k.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        v = v.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.mask[:, :, :t, :t] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
        return self.proj(y)


class Block(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        self.ln1 = nn.LayerNorm(n_embd)
        self.attn = CausalSelfAttention(n_embd, n_head, block_size)
        self.ln2 = nn.LayerNorm(n_embd)
        self.fc = nn.Linear(n_embd, 4 * n_embd)
        self.proj = nn.Linear(4 * n_embd, n_embd)  # a residual projection

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.proj(F.gelu(self.fc(self.ln2(x))))


class GPT(nn.Module):
    def __init__(self, vocab=27, n_embd=32, n_head=4, n_layer=4, block_size=8):
        super().__init__()
        self.block_size = block_size  # the Trainer's context length
        self.n_layer = n_layer
        self.wte = nn.Embedding(vocab, n_embd)
        self.wpe = nn.Embedding(block_size, n_embd)
        self.blocks = nn.ModuleList([Block(n_embd, n_head, block_size) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        self.head = nn.Linear(n_embd, vocab)

    def forward(self, idx):
        pos = torch.arange(idx.size(1))
        x = self.wte(idx) + self.wpe(pos)
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))  # (batch, block_size, vocab)


def init_gpt2(model, scaled=True):
    for name, m in model.named_modules():
        if isinstance(m, (nn.Linear, nn.Embedding)):
            std = 0.02
            if scaled and name.endswith("proj"):
                std = 0.02 / math.sqrt(2 * model.n_layer)
            nn.init.normal_(m.weight, mean=0.0, std=std)
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)


torch.manual_seed(0)
model = GPT()
init_gpt2(model)

x = torch.randint(0, 27, (4, 8))
print(f"output std {model(x).std().item():.4f}")
