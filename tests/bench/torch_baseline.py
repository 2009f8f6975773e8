# The bench's native baseline: PyTorch 1.13 (Debian's python3-torch) on one thread, the same
# workloads as tests/bench/forward_bench.cpp's W1 (the tutorial CNN's eval forward at batch 64,
# no grad) and T1 (its training step in train mode: zero_grad, forward, nll_loss, backward,
# SGD with momentum 0.9). Prints one JSON line of medians in ms; bench.mjs runs it in the same
# run as the wasm workloads (before and after them, so drift on the machine shows).
#   /usr/bin/python3 tests/bench/torch_baseline.py ROUNDS
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_bn = nn.BatchNorm2d(20)
        self.dense1 = nn.Linear(320, 50)
        self.dense1_bn = nn.BatchNorm1d(50)
        self.dense2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_bn(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.dense1_bn(self.dense1(x)))
        return F.log_softmax(self.dense2(x), dim=1)


def per_call_ms(fn, iters):
    t0 = time.perf_counter()
    for _ in range(iters):
        fn()
    return (time.perf_counter() - t0) * 1000 / iters


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    x = torch.randn(64, 1, 28, 28)
    target = torch.arange(64) % 10
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
