# argparse: options and positionals, types, defaults, actions, nargs, choices, groups, parse_known_args,
# set_defaults, Namespace; help and usage as CPython formats them; errors (usage and 'prog: error:' on
# sys.stderr, here the same stream as print's, then SystemExit(2)).
import argparse, sys
sys.stderr = sys.stdout
parser = argparse.ArgumentParser(prog="train.py", description="Train a small CNN on the digits. The description is long enough that it has to wrap over more than one line of help.")
parser.add_argument("data", help="path to the data")
parser.add_argument("--epochs", type=int, default=10, help="number of epochs (default: %(default)s)")
parser.add_argument("--lr", type=float, default=0.01, help="learning rate")
parser.add_argument("-b", "--batch-size", type=int, default=64, metavar="N", help="input batch size for training")
parser.add_argument("--no-cuda", action="store_true", default=False, help="disables CUDA training")
parser.add_argument("--optim", choices=["sgd", "adam"], default="sgd", help="optimizer")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--layers", nargs="+", type=int, help="layer sizes")
parser.add_argument("--tag", action="append", help="tags to add")
parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")
print(parser.parse_args(["data.npz"]))
args = parser.parse_args(["d", "--epochs", "3", "--lr=0.5", "-b", "32", "--no-cuda", "--optim", "adam", "-vv",
                          "--layers", "8", "16", "--tag", "a", "--tag", "b", "--seed", "7"])
print(args, vars(args), args.batch_size, args.layers)
print(parser.parse_args(["-b16", "x", "--epo", "2"]))
print(parser.format_usage(), end="")
parser.print_help()
for bad in [[], ["d", "--epochs", "x"], ["d", "--optim", "rmsprop"], ["d", "--bogus"], ["d", "--lr"], ["d", "--layers"],
            ["d", "e"], ["d", "--no-cuda=1"]]:
    try:
        parser.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
known, rest = parser.parse_known_args(["d", "--extra", "1"])
print(known.data, rest)
p2 = argparse.ArgumentParser(prog="p2", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p2.add_argument("--dropout", type=float, default=0.5, help="dropout")
p2.add_argument("--name", default="model")
g = p2.add_argument_group("model", "options of the model")
g.add_argument("--width", type=int, default=16, help="channels")
m = p2.add_mutually_exclusive_group()
m.add_argument("--relu", action="store_true")
m.add_argument("--tanh", action="store_true")
p2.add_argument("inputs", nargs="*", default=["a"])
p2.add_argument("out", nargs="?", default="out.txt")
p2.set_defaults(extra=42)
p2.print_help()
print(p2.parse_args([]), p2.get_default("extra"))
print(p2.parse_args(["x", "y", "z", "--relu"]))
try:
    p2.parse_args(["--relu", "--tanh"])
except SystemExit as e:
    print("exit", e.code)
try:
    parser.parse_args(["-h"])
except SystemExit as e:
    print("exit", e.code)
ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns, argparse.Namespace())
print(repr(parser.add_argument("--momentum", type=float, default=0.9)))

# CPython 3.11 printed:
# expect: Namespace(data='data.npz', epochs=10, lr=0.01, batch_size=64, no_cuda=False, optim='sgd', verbose=0, layers=None, tag=None, seed=1)
# expect: Namespace(data='d', epochs=3, lr=0.5, batch_size=32, no_cuda=True, optim='adam', verbose=2, layers=[8, 16], tag=['a', 'b'], seed=7) {'data': 'd', 'epochs': 3, 'lr': 0.5, 'batch_size': 32, 'no_cuda': True, 'optim': 'adam', 'verbose': 2, 'layers': [8, 16], 'tag': ['a', 'b'], 'seed': 7} 32 [8, 16]
# expect: Namespace(data='x', epochs=2, lr=0.01, batch_size=16, no_cuda=False, optim='sgd', verbose=0, layers=None, tag=None, seed=1)
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: 
# expect: Train a small CNN on the digits. The description is long enough that it has to
# expect: wrap over more than one line of help.
# expect: 
# expect: positional arguments:
# expect:   data                  path to the data
# expect: 
# expect: options:
# expect:   -h, --help            show this help message and exit
# expect:   --epochs EPOCHS       number of epochs (default: 10)
# expect:   --lr LR               learning rate
# expect:   -b N, --batch-size N  input batch size for training
# expect:   --no-cuda             disables CUDA training
# expect:   --optim {sgd,adam}    optimizer
# expect:   -v, --verbose
# expect:   --layers LAYERS [LAYERS ...]
# expect:                         layer sizes
# expect:   --tag TAG             tags to add
# expect:   --seed S              random seed (default: 1)
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: the following arguments are required: data
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: argument --epochs: invalid int value: 'x'
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: argument --optim: invalid choice: 'rmsprop' (choose from 'sgd', 'adam')
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: unrecognized arguments: --bogus
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: argument --lr: expected one argument
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: argument --layers: expected at least one argument
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: unrecognized arguments: e
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: train.py: error: argument --no-cuda: ignored explicit argument '1'
# expect: exit 2
# expect: d ['--extra', '1']
# expect: usage: p2 [-h] [--dropout DROPOUT] [--name NAME] [--width WIDTH]
# expect:           [--relu | --tanh]
# expect:           [inputs ...] [out]
# expect: 
# expect: positional arguments:
# expect:   inputs
# expect:   out
# expect: 
# expect: options:
# expect:   -h, --help         show this help message and exit
# expect:   --dropout DROPOUT  dropout (default: 0.5)
# expect:   --name NAME
# expect:   --relu
# expect:   --tanh
# expect: 
# expect: model:
# expect:   options of the model
# expect: 
# expect:   --width WIDTH      channels (default: 16)
# expect: Namespace(dropout=0.5, name='model', width=16, relu=False, tanh=False, inputs=['a'], out='out.txt', extra=42) 42
# expect: Namespace(dropout=0.5, name='model', width=16, relu=True, tanh=False, inputs=['x', 'y', 'z'], out='out.txt', extra=42)
# expect: usage: p2 [-h] [--dropout DROPOUT] [--name NAME] [--width WIDTH]
# expect:           [--relu | --tanh]
# expect:           [inputs ...] [out]
# expect: p2: error: argument --tanh: not allowed with argument --relu
# expect: exit 2
# expect: usage: train.py [-h] [--epochs EPOCHS] [--lr LR] [-b N] [--no-cuda]
# expect:                 [--optim {sgd,adam}] [-v] [--layers LAYERS [LAYERS ...]]
# expect:                 [--tag TAG] [--seed S]
# expect:                 data
# expect: 
# expect: Train a small CNN on the digits. The description is long enough that it has to
# expect: wrap over more than one line of help.
# expect: 
# expect: positional arguments:
# expect:   data                  path to the data
# expect: 
# expect: options:
# expect:   -h, --help            show this help message and exit
# expect:   --epochs EPOCHS       number of epochs (default: 10)
# expect:   --lr LR               learning rate
# expect:   -b N, --batch-size N  input batch size for training
# expect:   --no-cuda             disables CUDA training
# expect:   --optim {sgd,adam}    optimizer
# expect:   -v, --verbose
# expect:   --layers LAYERS [LAYERS ...]
# expect:                         layer sizes
# expect:   --tag TAG             tags to add
# expect:   --seed S              random seed (default: 1)
# expect: exit 0
# expect: Namespace(a=1, b='x') True True Namespace()
# expect: _StoreAction(option_strings=['--momentum'], dest='momentum', nargs=None, const=None, default=0.9, type=<class 'float'>, choices=None, required=False, help=None, metavar=None)
