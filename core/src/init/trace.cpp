// The InitTrace stack (one per thread) and the per-call depth that makes only the outermost
// initializer call scale and record.
#include "initlab/init_trace.hpp"

#include <algorithm>
#include <cstring>

namespace initlab::init {

namespace {

thread_local InitTrace* current = nullptr;
thread_local int depth = 0;

// FNV-1a over the float words: cheap enough for every parameter of a run, and any write to a
// traced tensor changes it.
uint64_t hash_values(const Tensor& t) {
  uint64_t h = 1469598103934665603ull;
  const float* p = t.data();
  for (int64_t i = 0; i < t.numel(); ++i) {
    uint32_t w;
    std::memcpy(&w, p + i, sizeof w);
    h = (h ^ w) * 1099511628211ull;
  }
  return h;
}

}  // namespace

InitTrace::InitTrace(double scale) : scale_(scale), previous_(current) { current = this; }

InitTrace::~InitTrace() { current = previous_; }

std::optional<Distribution> InitTrace::find(const Tensor& t) const {
  if (!t.defined() || !t.is_contiguous()) return std::nullopt;
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->data != t.data() || it->numel != t.numel()) continue;
    if (it->hash != hash_values(t)) return std::nullopt;
    return it->distribution;
  }
  return std::nullopt;
}

InitCall::InitCall(const char* initializer)
    : initializer_(initializer), outermost_(depth++ == 0) {
  if (outermost_ && current) scale_ = current->scale_;
}

InitCall::~InitCall() { --depth; }

void InitCall::record(const Tensor& t, Distribution d) const {
  if (!outermost_ || !current || !t.is_contiguous() || t.numel() == 0) return;
  d.initializer = initializer_;
  d.scale = scale_;
  auto& entries = current->entries_;
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const InitTrace::Entry& e) {
                                 return e.data == t.data() && e.numel == t.numel();
                               }),
                entries.end());
  entries.push_back({t.data(), t.numel(), hash_values(t), std::move(d)});
}

}  // namespace initlab::init
