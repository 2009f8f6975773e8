#!/usr/bin/python3
"""Generate tests/corpus/corpus_fixtures.txt: what PyTorch 1.13 builds and computes for every model file
of the real-model corpus (tests/corpus/NN_name.py), which tests/corpus_test.cpp and corpus_report compare
initlab against.

Run from anywhere with Debian's interpreter (it needs the `python3-torch` package, torch 1.13.x, and
python3-numpy; a pyenv/venv python3 earlier on PATH usually has neither):

    /usr/bin/python3 tests/corpus/make_corpus_fixtures.py [output-path]

Without an argument it overwrites tests/corpus/corpus_fixtures.txt next to this script. The output is
deterministic (the script runs every file twice and requires the same bytes); rerun it whenever a corpus
file is added or changed and commit the files and the fixture together.

How each file runs (what initlab's run() does, see core/src/script/session.cpp):
  - torch.manual_seed(0), the only seeding initlab does before a script (RunOptions::seed = 0). numpy's
    and Python's `random` generators are seeded with fresh entropy on each of the two runs, so a file
    that draws from them without seeding them itself fails the determinism check here.
  - The file runs as __main__ (runpy.run_path), with sys.argv = [its path] (argparse sees no options),
    its stdout and warnings swallowed, in a forked child process (a file that monkey-patches torch
    classes cannot leak into the next one), with ATEN_CPU_CAPABILITY=avx2 and one thread (fixture_format).
  - `model` is the global of that name; global forward hooks watch every module call. The compared output
    is that of the LAST call of the object bound to `model` at call time (initlab's probe prefers the
    same object). A forward that returns a tuple (namedtuples too) is compared on its first item, as
    initlab's Report.output_tensor holds it (the probe keeps a tuple's first tensor); the first item
    must be a tensor.
  - The state_dict is `model.state_dict()` after the file has run (keys in order, with names, shapes and
    dtypes). Each tensor's values are hashed; tensors whose values come from forward passes are also
    written in full: BatchNorm running statistics (running_mean, running_var) and every tensor that
    changed between the first call of `model` and the end of the file (data-dependent init such as
    LSUV's, or training steps), integer tensors excepted. initlab must match the hash of every other
    tensor bit for bit and those within torch.testing.assert_close's float32 rule
    (|a - e| <= 1e-5 + 1.3e-6 |e|).

File format (line based; tests/support/corpus.cpp parses it):
  # comment
  file <name, e.g. 01_mnist_net.py>
  state <key> shape=<shape> dtype=<dtype> fnv=<16 hex digits> [forward]
                               one per state_dict entry, in order; `forward` is followed by `v` lines
  output shape=<shape> dtype=<dtype>
                               followed by `v` lines holding every element
  end
  shape  = dims joined with `x`; a 0-dim tensor is `-`.
  dtype  = f32 | f64 | i64 | b8 (bool).
  fnv    = FNV-1a 64 of the tensor's raw little-endian bytes in row-major (contiguous) order, as
           fixture_format.fnv1a64 and fixtures::fnv1a compute it (bool: one byte per element).
  v      = up to 16 bit patterns in hex, in row-major order: f32 8 digits, f64/i64 16, b8 2.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))

# Sets the environment torch reads when it loads: must precede `import torch`.
import fixture_format as ff  # noqa: E402

import concurrent.futures  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import multiprocessing  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import runpy  # noqa: E402
import struct  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

import pytorch2_reference  # noqa: E402

OUT_PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus_fixtures.txt")

# dtype -> (name in the file, struct code of one element's bit pattern, hex digits)
DTYPES = {
    torch.float32: ("f32", "I", 8),
    torch.float64: ("f64", "Q", 16),
    torch.int64: ("i64", "Q", 16),
    torch.bool: ("b8", "B", 2),
}

FORWARD_BUFFERS = ("running_mean", "running_var")


def corpus_files():
    return sorted(f for f in os.listdir(HERE) if re.match(r"^\d\d_\w+\.py$", f))


def fmt_shape(shape):
    return "x".join(str(d) for d in shape) if len(shape) else "-"


def raw(t):
    t = t.detach().contiguous()
    if t.dtype not in DTYPES:
        raise TypeError("no fixture encoding for dtype {}".format(t.dtype))
    return t.numpy().tobytes()


def value_lines(t):
    name, code, width = DTYPES[t.dtype]
    data = raw(t)
    words = struct.unpack("<{}{}".format(t.numel(), code), data)
    return ["v " + " ".join("{:0{}x}".format(w, width) for w in words[i:i + 16])
            for i in range(0, len(words), 16)]


def run_file(name):
    """Runs one corpus file as initlab runs it; returns its fixture lines (or raises)."""
    path = os.path.join(HERE, name)
    # Unseeded numpy or random draws differ between the two runs and fail the determinism check.
    np.random.seed(int.from_bytes(os.urandom(4), "little"))
    random.seed(os.urandom(16))
    seen = {"first": None, "output": None, "calls": 0}

    def current_model():
        main = sys.modules.get("__main__")
        return getattr(main, "model", None)

    def pre_hook(module, inputs):
        if seen["first"] is None and module is current_model():
            seen["first"] = {k: ff.fnv1a64(raw(v)) for k, v in module.state_dict().items()}

    def hook(module, inputs, output):
        if module is current_model():
            seen["output"] = output
            seen["calls"] += 1

    handles = [torch.nn.modules.module.register_module_forward_pre_hook(pre_hook),
               torch.nn.modules.module.register_module_forward_hook(hook)]
    sys.argv = [path]
    pytorch2_reference.install()  # initlab has F.scaled_dot_product_attention: so has this run
    torch.manual_seed(0)
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            namespace = runpy.run_path(path, run_name="__main__")
    finally:
        for h in handles:
            h.remove()

    model = namespace.get("model")
    if not isinstance(model, torch.nn.Module):
        raise RuntimeError("{}: the global `model` is not an nn.Module".format(name))
    if seen["calls"] == 0:
        raise RuntimeError("{}: the file never calls `model`".format(name))
    out = seen["output"]
    if isinstance(out, tuple) and len(out) > 0:
        out = out[0]
    if not isinstance(out, torch.Tensor):
        raise RuntimeError("{}: the compared output is a {}, not a tensor".format(name, type(out).__name__))

    lines = ["file " + name]
    first = seen["first"] or {}
    for key, t in model.state_dict().items():
        assert " " not in key, key
        h = ff.fnv1a64(raw(t))
        # integer tensors (num_batches_tracked) are exact whatever computed them: the hash suffices
        forward = t.is_floating_point() and (
            key.rsplit(".", 1)[-1] in FORWARD_BUFFERS or (key in first and first[key] != h))
        lines.append("state {} shape={} dtype={} fnv={:016x}{}".format(
            key, fmt_shape(t.shape), DTYPES[t.dtype][0], h, " forward" if forward else ""))
        if forward:
            lines.extend(value_lines(t))
    out = out.detach()
    lines.append("output shape={} dtype={}".format(fmt_shape(out.shape), DTYPES[out.dtype][0]))
    lines.extend(value_lines(out))
    lines.append("end")
    return lines


def run_isolated(name):
    """run_file in a forked child of its own: nothing a file does to torch outlives it."""
    ctx = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(run_file, name).result()


def main():
    ff.check_golden()
    names = corpus_files()
    lines = ["# initlab corpus fixtures v1",
             "# generated by tests/corpus/make_corpus_fixtures.py with torch {}, numpy {}, "
             "ATEN_CPU_CAPABILITY=avx2".format(torch.__version__, np.__version__)]
    for name in names:
        first = run_isolated(name)
        second = run_isolated(name)
        if first != second:
            diff = next(i for i, (a, b) in enumerate(zip(first, second)) if a != b) if len(first) == len(second) else -1
            raise RuntimeError("{} is not deterministic (fixture line {} differs between two runs)".format(name, diff))
        lines.extend(first)

    text = "\n".join(lines) + "\n"
    with open(OUT_PATH, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print("wrote {}: {} files, {} bytes".format(os.path.relpath(OUT_PATH), len(names), len(text.encode("ascii"))))


if __name__ == "__main__":
    sys.exit(main())
