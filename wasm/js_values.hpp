// Moving plain data between C++ and JavaScript, shared by the bindings of run() and of the
// Trainer: typed-array copies, option lookups with defaults, limits, errors.
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "initlab/limits.hpp"
#include "initlab/session.hpp"

namespace initlab::js {

using emscripten::val;

template <class T>
val typed_copy(const char* array_type, const std::vector<T>& v) {
  // A view of the heap, copied by the JS constructor before any allocation can move it.
  const val view = val(emscripten::typed_memory_view(v.size(), v.data()));
  return val::global(array_type).new_(view);
}

inline val ints(const std::vector<int64_t>& v) {
  val a = val::array();
  for (int64_t x : v) a.call<void>("push", static_cast<double>(x));
  return a;
}

inline val strings(const std::vector<std::string>& v) {
  val a = val::array();
  for (const auto& s : v) a.call<void>("push", s);
  return a;
}

// o[key], or the fallback when the options object, or that key, is undefined or null.
template <class T>
T get(const val& o, const char* key, T fallback) {
  if (o.isUndefined() || o.isNull()) return fallback;
  const val v = o[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<T>();
}

// A limit given in the options replaces the default it holds (JS numbers arrive as doubles).
template <class T>
void read_limit(const val& limits, const char* key, T& field) {
  field = static_cast<T>(get<double>(limits, key, static_cast<double>(field)));
}

inline void read_limits(const val& lim, Limits& l) {
  if (lim.isUndefined() || lim.isNull()) return;
  read_limit(lim, "maxSteps", l.max_steps);
  read_limit(lim, "maxMilliseconds", l.max_milliseconds);
  read_limit(lim, "maxDepth", l.max_depth);
  read_limit(lim, "maxString", l.max_string);
  read_limit(lim, "maxList", l.max_list);
  read_limit(lim, "maxTensorBytes", l.max_tensor_bytes);
  read_limit(lim, "maxOutput", l.max_output);
}

// A probe histogram (probe.hpp's rule) as { lo, hi, counts: Uint32Array, below, above, sampled }.
inline val histogram_to_js(const probe::Histogram& hg) {
  val h = val::object();
  h.set("lo", hg.lo);
  h.set("hi", hg.hi);
  h.set("counts", typed_copy("Uint32Array", hg.counts));
  h.set("below", static_cast<double>(hg.below));
  h.set("above", static_cast<double>(hg.above));
  h.set("sampled", static_cast<double>(hg.sampled));
  return h;
}

inline val error_to_js(const ErrorInfo& e) {
  val err = val::object();
  err.set("kind", e.kind);
  err.set("message", e.message);
  err.set("line", e.line);
  err.set("column", e.column);
  err.set("sourceLine", e.source_line);
  err.set("formatted", e.formatted);
  err.set("context", e.context);
  val tb = val::array();
  for (const auto& f : e.traceback) {
    val fr = val::object();
    fr.set("function", f.function);
    fr.set("line", f.line);
    tb.call<void>("push", fr);
  }
  err.set("traceback", tb);
  return err;
}

}  // namespace initlab::js
