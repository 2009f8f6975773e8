# The bench's native baseline: PyTorch 1.13 (Debian's python3-torch) on one thread, the same
# workloads as tests/bench/forward_bench.cpp's W1 (the tutorial CNN's eval forward at batch 64,
# no grad) and T1 (its training step in train mode: zero_grad, forward, nll_loss, backward,
# SGD with momentum 0.9). Prints one JSON line of medians in ms; bench.mjs runs it in the same
# run as the wasm workloads (before and after them, so drift on the machine shows).
#   /usr/bin/python3 tests/bench/torch_baseline.py ROUNDS
import contextlib
import io
import json
import pathlib
import statistics
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)


# The tutorial's CNN from examples/models/tutorial_cnn.py itself (its prints silenced): the
# model W1 and T1 mirror (examples/tutorial_cnn.hpp).
def tutorial_cnn():
    path = pathlib.Path(__file__).resolve().parents[2] / "examples" / "models" / "tutorial_cnn.py"
    namespace = {"__name__": "tutorial_cnn"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(path.read_text(), str(path), "exec"), namespace)
    return namespace["CNN"]


def per_call_ms(fn, iters):
    t0 = time.perf_counter()
    for _ in range(iters):
        fn()
    return (time.perf_counter() - t0) * 1000 / iters


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    x = torch.randn(64, 1, 28, 28)
    target = torch.arange(64) % 10
    CNN = tutorial_cnn()
    forward_model = CNN().eval()
    train_model = CNN().train()
    sgd = torch.optim.SGD(train_model.parameters(), lr=0.01, momentum=0.9)

    def forward():
        with torch.no_grad():
            forward_model(x)

    def step():
        sgd.zero_grad()
        loss = F.nll_loss(train_model(x), target)
        loss.backward()
        sgd.step()

    for _ in range(3):
        forward()
        step()
    w1 = [per_call_ms(forward, 10) for _ in range(rounds)]
    t1 = [per_call_ms(step, 3) for _ in range(rounds)]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "w1": statistics.median(w1), "t1": statistics.median(t1)}))


if __name__ == "__main__":
    main()
