# argparse as model scripts use it: parse_args() reads sys.argv[1:] (nothing here), so the defaults.
import argparse

parser = argparse.ArgumentParser(description="CNN text classificer")
parser.add_argument("-dropout", type=float, default=0.5, help="the probability for dropout [default: 0.5]")
parser.add_argument("-embed-dim", type=int, default=16, help="number of embedding dimension [default: 128]")
parser.add_argument("-kernel-sizes", type=str, default="3,4,5", help="comma-separated kernel size to use for convolution")
parser.add_argument("-static", action="store_true", default=False, help="fix the embedding")
parser.add_argument("--n_epochs", type=int, default=200, help="number of epochs of training")
args = parser.parse_args()
print(args)
print(args.embed_dim, [int(k) for k in args.kernel_sizes.split(",")], args.static, vars(args)["dropout"])
args.class_num = 4
print(sorted(vars(args)), "class_num" in args)

# CPython 3.11 printed:
# expect: Namespace(dropout=0.5, embed_dim=16, kernel_sizes='3,4,5', static=False, n_epochs=200)
# expect: 16 [3, 4, 5] False 0.5
# expect: ['class_num', 'dropout', 'embed_dim', 'kernel_sizes', 'n_epochs', 'static'] True
