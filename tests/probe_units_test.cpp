// The map of dead and saturated units (probe.hpp's UnitMap): its counting rules on tensors
// built by hand, and every activation record of whole scripts against PyTorch 1.13
// (tests/fixtures/units_fixtures.txt, from make_units_fixtures.py).
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/probe.hpp"
#include "initlab/session.hpp"
#include "support/fixtures.hpp"

using initlab::Shape;
using initlab::Tensor;
namespace probe = initlab::probe;

TEST_SUITE("probe") {

TEST_CASE("unit map: channels of a feature map, features of a sequence, counts over every other axis") {
  // (N=2, C=3, L=2): channel 0 always on, 1 never, 2 on one value of four.
  const Tensor conv = Tensor::from_vector(Shape{2, 3, 2}, {1, 2, 0, -1, 0, 0, 3, 4, -2, 0, 5, -1});
  const auto m = probe::compute_unit_map(conv, "ReLU", probe::UnitAxis::channels);
  REQUIRE(m.has_value());
  CHECK(m->kind == "active");
  CHECK(m->axis == 1);
  CHECK(m->units == 3);
  CHECK(m->values_per_unit == 4);
  CHECK(m->fraction == std::vector<float>{1.0f, 0.0f, 0.25f});
  CHECK(m->dead == 1);
  // The same values after a Linear: (N, T, F) with features last.
  const auto f = probe::compute_unit_map(conv, "F.relu", probe::UnitAxis::features);
  REQUIRE(f.has_value());
  CHECK(f->axis == 2);
  CHECK(f->units == 2);
  CHECK(f->values_per_unit == 6);
  CHECK(f->fraction == std::vector<float>{3.0f / 6.0f, 2.0f / 6.0f});
  CHECK(f->dead == 0);
  // No affine layer before: dim 1.
  CHECK(probe::compute_unit_map(conv, "LeakyReLU", probe::UnitAxis::unknown)->axis == 1);
}

TEST_CASE("unit map: tanh and sigmoid saturation at makemore's 0.97, fully saturated units counted") {
  const Tensor t = Tensor::from_vector(Shape{2, 3}, {0.98f, -0.99f, 0.5f, 0.975f, 0.96f, -0.97f});
  const auto m = probe::compute_unit_map(t, "Tanh", probe::UnitAxis::unknown);
  REQUIRE(m.has_value());
  CHECK(m->kind == "saturated");
  CHECK(m->fraction == std::vector<float>{1.0f, 0.5f, 0.0f});  // -0.97 itself is not beyond
  CHECK(m->dead == 1);
  const Tensor s = Tensor::from_vector(Shape{2, 2}, {0.01f, 0.5f, 0.99f, 0.03f});
  const auto g = probe::compute_unit_map(s, "torch.sigmoid", probe::UnitAxis::features);
  REQUIRE(g.has_value());
  CHECK(g->fraction == std::vector<float>{1.0f, 0.0f});
  CHECK(g->dead == 1);
  // Smooth activations, other ops, 0-D and empty outputs: no map.
  CHECK_FALSE(probe::compute_unit_map(t, "GELU", probe::UnitAxis::unknown).has_value());
  CHECK_FALSE(probe::compute_unit_map(t, "Linear", probe::UnitAxis::unknown).has_value());
  CHECK_FALSE(probe::compute_unit_map(Tensor::full(Shape{}, 1.0f), "ReLU", probe::UnitAxis::unknown).has_value());
  CHECK_FALSE(probe::compute_unit_map(Tensor::full(Shape{0, 4}, 1.0f), "ReLU", probe::UnitAxis::unknown).has_value());
  // 1-D: each value its own unit.
  const auto one = probe::compute_unit_map(Tensor::from_vector(Shape{3}, {1, 0, 2}), "ReLU", probe::UnitAxis::unknown);
  REQUIRE(one.has_value());
  CHECK(one->axis == 0);
  CHECK(one->values_per_unit == 1);
  CHECK(one->dead == 1);
}

TEST_CASE("unit map: the per-unit fractions stop at 4096 units, the dead count covers all") {
  const int64_t units = 5000;
  std::vector<float> v(static_cast<std::size_t>(2 * units), 1.0f);
  for (int64_t u = 4090; u < units; ++u) v[static_cast<std::size_t>(u)] = v[static_cast<std::size_t>(units + u)] = -1.0f;
  const auto m = probe::compute_unit_map(Tensor::from_vector(Shape{2, units}, v), "ReLU", probe::UnitAxis::features);
  REQUIRE(m.has_value());
  CHECK(m->units == units);
  REQUIRE(m->fraction.size() == 4096);
  CHECK(m->fraction[4089] == 1.0f);
  CHECK(m->fraction[4090] == 0.0f);
  CHECK(m->dead == units - 4090);
}

}  // TEST_SUITE

namespace {

struct Layer {
  std::string type, kind;
  int axis = 0;
  int64_t units = 0, per_unit = 0, dead = 0;
  std::vector<float> fraction;
};

struct UnitsCase {
  std::string name, script;
  std::vector<Layer> layers;
};

// "key=value" from a `layer` line's fields.
int64_t field(const std::string& line, const std::string& key) {
  const auto at = line.find(" " + key + "=");
  REQUIRE(at != std::string::npos);
  return std::strtoll(line.c_str() + at + key.size() + 2, nullptr, 10);
}

std::vector<UnitsCase> parse_units(const std::string& text) {
  std::vector<UnitsCase> cases;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string key = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (key == "case") {
      cases.push_back({rest, "", {}});
    } else if (key == "script") {
      cases.back().script = fixtures::unescape(rest);
    } else if (key == "layer") {
      Layer l;
      l.type = rest.substr(0, rest.find(' '));
      const auto k = rest.find("kind=") + 5;
      l.kind = rest.substr(k, rest.find(' ', k) - k);
      l.axis = static_cast<int>(field(line, "axis"));
      l.units = field(line, "units");
      l.per_unit = field(line, "per_unit");
      l.dead = field(line, "dead");
      cases.back().layers.push_back(l);
    } else if (key == "f") {
      std::istringstream values(rest);
      // Each is a float32 value written exactly (Python's repr of it as a double).
      for (std::string v; values >> v;) cases.back().layers.back().fraction.push_back(static_cast<float>(std::strtod(v.c_str(), nullptr)));
    }
  }
  return cases;
}

}  // namespace

TEST_CASE("unit maps of whole scripts are PyTorch's: every activation, its axis, fractions and dead units exactly") {
  const auto cases = parse_units(fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/units_fixtures.txt"));
  REQUIRE(cases.size() == 6);
  for (const UnitsCase& c : cases) {
    CAPTURE(c.name);
    const initlab::Report r = initlab::run(c.script);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    CHECK(r.forward_from_script == (c.name != "run_default_input"));
    std::vector<const probe::LayerRecord*> mapped;
    for (const auto& l : r.layers)
      if (l.unit_map) mapped.push_back(&l);
    REQUIRE(mapped.size() == c.layers.size());
    for (std::size_t i = 0; i < mapped.size(); ++i) {
      CAPTURE(i);
      const Layer& want = c.layers[i];
      const probe::UnitMap& got = *mapped[i]->unit_map;
      CHECK(mapped[i]->type == want.type);
      CHECK(got.kind == want.kind);
      CHECK(got.axis == want.axis);
      CHECK(got.units == want.units);
      CHECK(got.values_per_unit == want.per_unit);
      CHECK(got.dead == want.dead);
      REQUIRE(got.fraction.size() == want.fraction.size());
      for (std::size_t u = 0; u < got.fraction.size(); ++u) {
        CAPTURE(u);
        CHECK(got.fraction[u] == want.fraction[u]);
      }
    }
  }
}
