# json, sys, os.path, time, math.
import json
import sys
import os
import os.path as osp
import time
import math

cfg = {"lr": 0.001, "layers": [64, 32], "act": "relu", "bias": True, "extra": None}
text = json.dumps(cfg)
print(text, json.dumps(cfg, indent=2, sort_keys=True).count("\n"), json.loads(text) == cfg)
print(json.dumps([1.5, float("inf"), "a\"b"]), json.loads('{"a": [1, 2.5e3, -4], "b": {"c": "d\\n"}}'))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(sys.version_info >= (3, 7), sys.version_info[0], sys.maxsize, sys.float_info.epsilon)
sys.stdout.write("written to stdout\n")
print(os.path.join("runs", "exp1", "model.pt"), osp.basename("/a/b/c.py"), osp.dirname("/a/b/c.py"), osp.splitext("w.tar.gz"))
print(os.path.normpath("a//b/../c/./d"), os.path.exists("nothing"), os.environ.get("HOME_DIR", "none"), os.sep)
t0 = time.time()
t1 = time.perf_counter()
print(time.time() >= t0, time.perf_counter() >= t1)
print(math.sqrt(2), math.log(8, 2), math.floor(-2.5), math.ceil(2.1), math.pi, math.inf > 1e308, math.prod([2, 3, 4]))

# CPython 3.11 printed:
# expect: {"lr": 0.001, "layers": [64, 32], "act": "relu", "bias": true, "extra": null} 9 True
# expect: [1.5, Infinity, "a\"b"] {'a': [1, 2500.0, -4], 'b': {'c': 'd\n'}}
# expect: JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
# expect: True 3 9223372036854775807 2.220446049250313e-16
# expect: written to stdout
# expect: runs/exp1/model.pt c.py /a/b ('w.tar', '.gz')
# expect: a/c/d False none /
# expect: True True
# expect: 1.4142135623730951 3.0 -3 3 3.141592653589793 True 24
