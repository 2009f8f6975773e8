// The probe inside recurrent and attention layers (probe.hpp: GateStats, HiddenStats,
// AttentionStats): what the Python-written layers hand over through _initlab.probe_*, and the
// statistics computed from it.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/probe.hpp"
#include "initlab/session.hpp"

using namespace initlab;

namespace {

const probe::LayerRecord* find_type(const Report& r, const std::string& type) {
  for (const auto& l : r.layers)
    if (l.type == type) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("probe inside an LSTM: every gate of every layer, the hidden std per step, no inner ops") {
  const std::string source = R"(import torch
import torch.nn as nn
class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 4, 2)
        self.head = nn.Linear(4, 2)
    def forward(self, x):
        out, _ = self.lstm(x)
        return torch.tanh(self.head(out))
torch.manual_seed(0)
model = Tagger()
x = torch.randn(5, 2, 3)
y = model(x)
out, _ = model.lstm(x)
y = model(x)
print(' '.join(repr(out[t].std().item()) for t in range(5)))
)";
  RunOptions o;
  o.auto_forward = false;
  const Report r = run(source, o);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : std::string()));
  const probe::LayerRecord* lstm = find_type(r, "LSTM");
  REQUIRE(lstm != nullptr);
  REQUIRE(lstm->gates.size() == 8);
  const char* names[] = {"input", "forget", "cell", "output"};
  for (int k = 0; k < 8; ++k) {
    CAPTURE(k);
    CHECK(lstm->gates[static_cast<std::size_t>(k)].layer == k / 4);
    CHECK(lstm->gates[static_cast<std::size_t>(k)].gate == names[k % 4]);
    CHECK(lstm->gates[static_cast<std::size_t>(k)].activation == (k % 4 == 2 ? "tanh" : "sigmoid"));
    CHECK(lstm->gates[static_cast<std::size_t>(k)].pre_activation.shape == std::vector<int64_t>{10, 4});
    const double s = lstm->gates[static_cast<std::size_t>(k)].saturated;
    CHECK((s >= 0 && s <= 1));
  }
  REQUIRE(lstm->hidden.size() == 2);
  REQUIRE(lstm->hidden[1].std_per_step.size() == 5);
  // The last layer's hidden states are the LSTM's output: the script's own out[t].std().
  std::istringstream printed(r.output);
  for (int t = 0; t < 5; ++t) {
    double want = 0;
    printed >> want;
    CHECK(lstm->hidden[1].std_per_step[static_cast<std::size_t>(t)] == doctest::Approx(want).epsilon(1e-5));
  }
  // The module calls are there; the LSTM's own sigmoid/tanh/matmul/cat are not (hooks never
  // see them), while the user's torch.tanh in forward is.
  int user_tanh = 0;
  for (const auto& l : r.layers) {
    CHECK(l.type != "torch.sigmoid");
    CHECK(l.type != "torch.cat");
    if (l.type == "torch.tanh") ++user_tanh;
  }
  CHECK(user_tanh == 1);
  CHECK(find_type(r, "Linear") != nullptr);
}

TEST_CASE("probe inside a GRU and a cell: gate names, saturation of large pre-activations") {
  const std::string source = R"(import torch
import torch.nn as nn
torch.manual_seed(0)
gru = nn.GRU(3, 4)
with torch.no_grad():
    for p in gru.parameters():
        p.mul_(40.0)
y = gru(torch.randn(6, 2, 3))
cell = nn.RNNCell(3, 4, nonlinearity='relu')
h = cell(torch.randn(2, 3))
print(repr((h == 0).float().mean().item()))
)";
  RunOptions o;
  o.auto_forward = false;
  const Report r = run(source, o);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : std::string()));
  // The last outermost call is the cell's.
  const probe::LayerRecord* cell = find_type(r, "RNNCell");
  REQUIRE(cell != nullptr);
  REQUIRE(cell->gates.size() == 1);
  CHECK(cell->gates[0].gate == "hidden");
  CHECK(cell->gates[0].activation == "relu");
  // relu's saturation is its dead fraction: the outputs that are exactly 0.
  CHECK(cell->gates[0].saturated == doctest::Approx(std::stod(r.output)).epsilon(1e-12));
  const std::string gru_source = source.substr(0, source.find("cell ="));
  const Report g = run(gru_source, o);
  const probe::LayerRecord* gru = find_type(g, "GRU");
  REQUIRE(gru != nullptr);
  REQUIRE(gru->gates.size() == 3);
  CHECK(gru->gates[0].gate == "reset");
  CHECK(gru->gates[1].gate == "update");
  CHECK(gru->gates[2].gate == "new");
  // Weights 40x PyTorch's bound: almost every gate is saturated.
  for (const auto& gate : gru->gates) CHECK(gate.saturated > 0.8);
}

TEST_CASE("attention statistics: entropy relative to uniform, masked keys left out") {
  const float inf = std::numeric_limits<float>::infinity();
  // Row 0 uniform over 4 keys; row 1 all on one key; row 2 uniform over its 2 unmasked keys;
  // row 3 one key left (not counted).
  const Tensor logits = Tensor::from_vector(Shape{1, 4, 4}, {0, 0, 0, 0,  //
                                                             100, 0, 0, 0,  //
                                                             1, 1, -inf, -inf,  //
                                                             -inf, 3, -inf, -inf});
  const probe::AttentionStats a = probe::attention_stats(logits, {});
  CHECK(a.rows == 3);
  CHECK(a.entropy == doctest::Approx((1.0 + 0.0 + 1.0) / 3).epsilon(1e-9));
  CHECK(a.entropy_min == doctest::Approx(0.0).epsilon(1e-9));
  CHECK(a.logits.numel == 16);
  CHECK(a.logits.inf_count == 5);
}

TEST_CASE("a hand-written attention (nanoGPT's softmax of masked q.k^T) is probed like MultiheadAttention, each once") {
  const std::string source = R"(import math
import torch
import torch.nn as nn
import torch.nn.functional as F
class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(8, 24)
        self.register_buffer("mask", torch.tril(torch.ones(4, 4)).view(1, 1, 4, 4))
    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q = q.view(b, t, 2, 4).transpose(1, 2)
        k = k.view(b, t, 2, 4).transpose(1, 2)
        v = v.view(b, t, 2, 4).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.mask[:, :, :t, :t] == 0, float("-inf"))
        att = att.softmax(dim=-1) if c == 0 else F.softmax(att, dim=-1)
        return (att @ v).transpose(1, 2).contiguous().view(b, t, c)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = SelfAttention()
        self.mha = nn.MultiheadAttention(8, 2, batch_first=True)
        self.head = nn.Linear(8, 5)
    def forward(self, x):
        x = self.attn(x)
        x, _ = self.mha(x, x, x)
        return F.softmax(self.head(x), dim=-1)
torch.manual_seed(0)
model = Net()
y = model(torch.randn(2, 4, 8))
)";
  RunOptions o;
  o.auto_forward = false;
  const Report r = run(source, o);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : std::string()));
  const probe::LayerRecord* attn = find_type(r, "SelfAttention");
  const probe::LayerRecord* mha = find_type(r, "MultiheadAttention");
  const probe::LayerRecord* net = find_type(r, "Net");
  REQUIRE(attn != nullptr);
  REQUIRE(mha != nullptr);
  REQUIRE(net != nullptr);
  REQUIRE(attn->attention.size() == 1);
  // 2 batches x 2 heads x 4 queries, the first query of each seeing one key only.
  CHECK(attn->attention[0].rows == 12);
  CHECK(attn->attention[0].logits.numel == 64);
  CHECK(attn->attention[0].logits.inf_count == 24);
  // The library's layer hands its logits over and then calls softmax on them: counted once.
  CHECK(mha->attention.size() == 1);
  // A classifier's softmax over Linear scores is not an attention.
  CHECK(net->attention.empty());
}
