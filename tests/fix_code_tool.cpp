// fix_code_tool SCRIPT.py [--no-ortho]: runs the script with the fix="lsuv" option and prints
// Report::fix_code followed by one comment line per state_dict entry of the fixed model,
// `# initlab-state <name> <FNV-1a of its float32 bytes>`, so the whole output is a Python file.
// tests/fixtures/check_fix_code.py runs it in PyTorch and compares the state it leaves.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fix_code_tool SCRIPT.py [--no-ortho]\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  initlab::RunOptions options;
  options.fix = "lsuv";
  options.state_dict = true;
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--no-ortho") == 0) options.fix_ortho = false;
  const initlab::Report r = initlab::run(text.str(), options);
  if (!r.ok) {
    std::cerr << r.error->formatted << "\n";
    return 1;
  }
  if (r.fix_code.empty()) {
    std::cerr << "no fix code";
    for (const auto& w : r.warnings) std::cerr << ": " << w;
    std::cerr << "\n";
    return 1;
  }
  std::cout << r.fix_code;
  for (const auto& t : r.state_dict) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fixtures::fnv1a(t.data.data(), t.data.size() * sizeof(float))));
    std::cout << "# initlab-state " << t.name << " " << hex << "\n";
  }
  return 0;
}
