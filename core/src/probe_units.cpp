// The map of dead and saturated units (probe.hpp's UnitMap): which record types get one, the
// unit axis they count along, and the one pass over an output that counts them.
#include <algorithm>
#include <cmath>

#include "initlab/probe.hpp"

namespace initlab::probe {

namespace {

enum class Rule { none, active, tanh, sigmoid };

Rule rule_of(const std::string& type) {
  for (const char* t : {"ReLU", "ReLU6", "LeakyReLU", "PReLU", "F.relu", "F.relu6", "F.leaky_relu", "F.prelu"})
    if (type == t) return Rule::active;
  for (const char* t : {"Tanh", "torch.tanh", "Hardtanh", "F.hardtanh"})
    if (type == t) return Rule::tanh;
  for (const char* t : {"Sigmoid", "torch.sigmoid", "Hardsigmoid", "F.hardsigmoid"})
    if (type == t) return Rule::sigmoid;
  return Rule::none;
}

// counts[c] += pred(x) over an (outer, units, inner) view of contiguous data: one pass, in
// memory order.
template <class Pred>
void count_units(const float* x, int64_t outer, int64_t units, int64_t inner, std::vector<int64_t>& counts,
                 Pred pred) {
  int64_t* c = counts.data();
  if (inner == 1) {  // features last: along each row, so the loop runs over units (vectorized)
    for (int64_t o = 0; o < outer; ++o, x += units)
      for (int64_t u = 0; u < units; ++u) c[u] += pred(x[u]) ? 1 : 0;
    return;
  }
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t u = 0; u < units; ++u) {
      int64_t n = 0;
      for (int64_t i = 0; i < inner; ++i) n += pred(x[i]) ? 1 : 0;
      c[u] += n;
      x += inner;
    }
  }
}

}  // namespace

UnitAxis unit_axis_of(const std::string& type) {
  for (const char* prefix : {"Conv", "LazyConv", "F.conv"})
    if (type.rfind(prefix, 0) == 0) return UnitAxis::channels;
  for (const char* t : {"Linear", "LazyLinear", "Bilinear", "Embedding", "EmbeddingBag", "F.embedding", "F.linear",
                        "matmul", "RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell", "MultiheadAttention"})
    if (type == t) return UnitAxis::features;
  return UnitAxis::unknown;
}

std::optional<UnitMap> compute_unit_map(const Tensor& output, const std::string& type, UnitAxis axis) {
  const Rule rule = rule_of(type);
  if (rule == Rule::none || output.dim() == 0 || output.numel() == 0) return std::nullopt;
  const Tensor t = output.contiguous();
  const auto shape = t.shape().to_vector();
  const int rank = static_cast<int>(shape.size());
  UnitMap m;
  m.kind = rule == Rule::active ? "active" : "saturated";
  // Channels of (N, C, ...) unless a Linear-style layer made the last dim the features.
  m.axis = rank == 1 ? 0 : axis == UnitAxis::features ? rank - 1 : 1;
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < m.axis; ++d) outer *= shape[static_cast<std::size_t>(d)];
  for (int d = m.axis + 1; d < rank; ++d) inner *= shape[static_cast<std::size_t>(d)];
  m.units = shape[static_cast<std::size_t>(m.axis)];
  m.values_per_unit = outer * inner;
  std::vector<int64_t> counts(static_cast<std::size_t>(m.units), 0);
  const float* x = t.data();
  // The thresholds in float, as PyTorch compares a float tensor with a Python number.
  switch (rule) {
    case Rule::active: count_units(x, outer, m.units, inner, counts, [](float v) { return v > 0.0f; }); break;
    case Rule::tanh:
      count_units(x, outer, m.units, inner, counts, [](float v) { return std::fabs(v) > 0.97f; });
      break;
    case Rule::sigmoid:
      count_units(x, outer, m.units, inner, counts, [](float v) { return v < 0.03f || v > 0.97f; });
      break;
    case Rule::none: break;
  }
  const int64_t full = rule == Rule::active ? 0 : m.values_per_unit;
  m.dead = std::count(counts.begin(), counts.end(), full);
  const std::size_t kept = static_cast<std::size_t>(std::min(m.units, UnitMap::kMaxUnits));
  m.fraction.resize(kept);
  const auto total = static_cast<float>(m.values_per_unit);
  for (std::size_t u = 0; u < kept; ++u) m.fraction[u] = static_cast<float>(counts[u]) / total;
  return m;
}

}  // namespace initlab::probe
