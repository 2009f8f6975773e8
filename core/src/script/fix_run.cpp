#include "fix_run.hpp"

#include "initlab/error.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::script {

namespace {

Value module_value(const nn::ModulePtr& model) {
  auto o = std::make_shared<ModuleObj>();
  o->module = model;
  return Value(ObjPtr(o));
}

const Value* dict_get(const DictObj& d, const std::string& key) {
  for (const auto& [k, v] : d.items)
    if (k.is_str() && k.as_str() == key) return &v;
  return nullptr;
}

Value lsuv_function(Interpreter& in, const std::string& name) {
  return in.getattr(in.import_module("initlab.init"), name);
}

}  // namespace

void fix_before_input(Interpreter& in, const nn::ModulePtr& model, const RunOptions& options, FixRecord& record) {
  if (options.fix != "lsuv") raise(ErrorKind::ValueError, "unknown fix '" + options.fix + "' (\"\" or \"lsuv\")");
  if (!(options.fix_tol >= 0)) raise(ErrorKind::ValueError, "the fix_tol option must be >= 0, not " + py::repr(options.fix_tol));
  if (options.fix_max_iter < 0) raise(ErrorKind::ValueError, "the fix_max_iter option must be >= 0, not " + py::repr(options.fix_max_iter));
  record.method = options.fix;
  record.ortho = options.fix_ortho;
  record.tol = options.fix_tol;
  record.max_iter = options.fix_max_iter;
  if (!record.ortho) return;
  const Value m = module_value(model);
  const Value layers = in.call(lsuv_function(in, "lsuv_layers"), std::vector<Value>{m});
  for (const Value& pair : layers.get<ListObj>()->items) record.ortho_paths.push_back(pair.get<TupleObj>()->items.at(0).as_str());
  in.call(lsuv_function(in, "orthogonalize_"), std::vector<Value>{m});
}

void fix_on_input(Interpreter& in, const nn::ModulePtr& model, const Tensor& x, FixRecord& record) {
  record.input_shape = x.shape().to_vector();
  CallArgs args;
  args.positional = {module_value(model), make_tensor(x)};
  args.keywords = {{"tol", Value(record.tol)}, {"max_iter", Value(static_cast<int64_t>(record.max_iter))}, {"ortho", Value(false)}};
  const Value records = in.call(lsuv_function(in, "lsuv_"), args);
  for (const Value& r : records.get<ListObj>()->items) {
    const DictObj& d = *r.get<DictObj>();
    FixLayer l;
    l.path = dict_get(d, "path")->as_str();
    l.iterations = static_cast<int>(dict_get(d, "iterations")->as_int());
    l.std_before = dict_get(d, "std_before")->as_float();
    l.std_after = dict_get(d, "std_after")->as_float();
    for (const Value& f : dict_get(d, "factors")->get<ListObj>()->items) l.factors.push_back(static_cast<float>(f.as_float()));
    record.layers.push_back(l);
  }
}

std::string global_name_of(Interpreter& in, const nn::Module* model) {
  const auto& vars = in.globals()->vars;
  const auto named = [&](const std::string& n) {
    const auto it = vars.find(n);
    const auto* m = it == vars.end() ? nullptr : it->second.get<ModuleObj>();
    return m != nullptr && m->module.get() == model;
  };
  if (named("model")) return "model";
  for (const auto& [name, v] : vars)
    if (!name.empty() && name[0] != '_' && named(name)) return name;
  return "";
}

}  // namespace initlab::script
