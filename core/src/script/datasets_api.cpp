// initlab.datasets for scripts: `from initlab import datasets` or `import initlab`, then
//   x, y = datasets.digits('train', size=28)     # (1437, 1, 28, 28), labels int64
//   x, y = datasets.two_spirals(400, noise=0.1)  # from torch's default generator
//   x, y = datasets.words('train', block_size=3) # next-character pairs, int64 (WORDS.md)
// Each returns an (inputs, targets) tuple of tensors (initlab/datasets.hpp says what is in it).
#include "bindings.hpp"
#include "initlab/datasets.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

Value pair(datasets::Data d, bool flatten) {
  if (flatten) d.x = d.x.reshape(Shape{d.x.size(0), d.x.numel() / d.x.size(0)});
  return make_tuple({make_tensor(d.x), make_tensor(d.y)});
}

}  // namespace

void install_datasets(Interpreter& interp) {
  auto initlab = std::make_shared<NamespaceObj>();
  initlab->name = "initlab";
  auto ds = std::make_shared<NamespaceObj>();
  ds->name = "initlab.datasets";
  ds->members["digits"] = make_builtin("initlab.datasets.digits", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "digits", a, {{"split", Value("train")}, {"size", Value(int64_t{8})}, {"flatten", Value(false)}});
    return pair(datasets::digits(to_str(in, args[0], "split"), to_int(in, args[1], "size")), to_bool(in, args[2], "flatten"));
  });
  ds->members["words"] = make_builtin("initlab.datasets.words", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "words", a, {{"split", Value("train")}, {"block_size", Value(int64_t{3})}});
    return pair(datasets::words(to_str(in, args[0], "split"), to_int(in, args[1], "block_size")), false);
  });
  ds->members["word_list"] = make_builtin("initlab.datasets.word_list", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "word_list", a, {{"split", Value("train")}});
    std::vector<Value> items;
    for (auto& w : datasets::word_list(to_str(in, args[0], "split"))) items.emplace_back(std::move(w));
    return make_list(std::move(items));
  });
  ds->members["two_spirals"] = make_builtin("initlab.datasets.two_spirals", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "two_spirals", a, {{"n", Value(int64_t{400})}, {"noise", Value(0.1)}, {"generator", Value(), true}});
    return pair(datasets::two_spirals(to_int(in, args[0], "n"), to_float(in, args[1], "noise"), generator_arg(in, args[2])), false);
  });
  ds->members["blobs"] = make_builtin("initlab.datasets.blobs", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "blobs", a, {{"n", Value(int64_t{300})}, {"centers", Value(int64_t{3})}, {"dim", Value(int64_t{2})},
                                                   {"std", Value(1.0)}, {"generator", Value(), true}});
    return pair(datasets::blobs(to_int(in, args[0], "n"), to_int(in, args[1], "centers"), to_int(in, args[2], "dim"),
                                to_float(in, args[3], "std"), generator_arg(in, args[4])), false);
  });
  ds->members["teacher"] = make_builtin("initlab.datasets.teacher", [](Interpreter& in, CallArgs& a) {
    const auto args = bind_native(in, "teacher", a, {{"n", Value(int64_t{512})}, {"in_features", Value(int64_t{16})},
                                                     {"out_features", Value(int64_t{4})}, {"hidden", Value(int64_t{32})},
                                                     {"generator", Value(), true}});
    return pair(datasets::teacher(to_int(in, args[0], "n"), to_int(in, args[1], "in_features"), to_int(in, args[2], "out_features"),
                                  to_int(in, args[3], "hidden"), generator_arg(in, args[4])), false);
  });
  initlab->members["datasets"] = Value(ObjPtr(ds));
  auto& mods = interp.importable();
  mods["initlab"] = Value(ObjPtr(initlab));
  mods["initlab.datasets"] = Value(ObjPtr(ds));
}

}  // namespace initlab::script
