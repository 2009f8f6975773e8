# argparse: ArgumentTypeError, Action subclasses, nargs N/?/REMAINDER, BooleanOptionalAction, const and
# extend actions, version, required options, negative numbers, parents, subparsers, ambiguous
# abbreviations, the Raw/MetavarType formatters, conflicts, long usage wrapping.
import argparse, sys
sys.stderr = sys.stdout
def positive(text):
    v = int(text)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive")
    return v
class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper())
p = argparse.ArgumentParser(prog="tool", epilog="See the docs.")
p.add_argument("-a", action="store_true")
p.add_argument("-b", action="store_true")
p.add_argument("-n", type=positive, default=1)
p.add_argument("--name", action=Upper, default="x")
p.add_argument("--pair", nargs=2, metavar=("W", "H"), type=int)
p.add_argument("--level", nargs="?", const="high", default="low")
p.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True)
p.add_argument("--const", action="store_const", const=42, dest="answer")
p.add_argument("--add", action="append_const", const="x", dest="adds")
p.add_argument("--ext", action="extend", nargs="+")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.add_argument("--required", required=True)
p.add_argument("rest", nargs=argparse.REMAINDER)
print(p.parse_args(["--required", "r", "-ab", "-n", "3", "--name", "abc", "--pair", "4", "5", "--level"]))
print(p.parse_args(["--req", "r", "--no-flag", "--const", "--add", "--add", "--ext", "1", "2", "--ext", "3", "cmd", "x", "y"]))
print(p.parse_args(["--required=r", "--level", "mid", "-n2"]))
for bad in [["--required", "r", "-n", "0"], ["--required", "r", "-n", "-3"], ["-a"], ["--required", "r", "--pair", "1"],
            ["--version"], ["--required", "r", "--fl"]]:
    try:
        p.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
p.print_help()
q = argparse.ArgumentParser(prog="q")
q.add_argument("x", type=float)
q.add_argument("--opt")
print(q.parse_args(["-1.5"]), q.parse_args(["--", "-2"]), q.parse_args(["3", "--opt", "-5"]))
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--seed", type=int, default=0)
child = argparse.ArgumentParser(prog="child", parents=[parent], description="A child parser.")
child.add_argument("--width", type=int, default=8)
print(child.parse_args(["--seed", "5"]))
child.print_help()
main = argparse.ArgumentParser(prog="main")
main.add_argument("--debug", action="store_true")
sub = main.add_subparsers(dest="command", help="what to do")
train = sub.add_parser("train", help="train a model")
train.add_argument("--epochs", type=int, default=1)
evaluate = sub.add_parser("eval", help="evaluate it")
evaluate.add_argument("ckpt")
print(main.parse_args(["train", "--epochs", "3"]), main.parse_args(["--debug", "eval", "m.pt"]), main.parse_args([]))
main.print_help()
try:
    main.parse_args(["fly"])
except SystemExit as e:
    print("exit", e.code)
amb = argparse.ArgumentParser(prog="amb")
amb.add_argument("--foo")
amb.add_argument("--four")
try:
    amb.parse_args(["--fo", "1"])
except SystemExit as e:
    print("exit", e.code)
raw = argparse.ArgumentParser(prog="raw", description="line one\n  line two", formatter_class=argparse.RawDescriptionHelpFormatter)
raw.add_argument("--a", help="keeps\nnothing")
raw.print_help()
rt = argparse.ArgumentParser(prog="rt", formatter_class=argparse.RawTextHelpFormatter)
rt.add_argument("--a", help="keeps\n  this")
rt.print_help()
mt = argparse.ArgumentParser(prog="mt", formatter_class=argparse.MetavarTypeHelpFormatter)
mt.add_argument("--lr", type=float, default=0.1)
mt.add_argument("count", type=int)
mt.print_help()
try:
    p.add_argument("-a")
except argparse.ArgumentError as e:
    print("ArgumentError", e)
try:
    p.add_argument("bad", required=True)
except TypeError as e:
    print("TypeError", e)
print(argparse.Namespace(b=2, a=1), vars(argparse.Namespace(x=[1])))
long = argparse.ArgumentParser(prog="a_rather_long_program_name_for_wrapping_tests.py")
for i in range(6):
    long.add_argument(f"--option-number-{i}", metavar="VALUE", help=f"the option number {i}, which does something quite useful for everyone")
long.add_argument("input_file")
long.add_argument("output_file")
long.print_help()

# CPython 3.11 printed:
# expect: Namespace(a=True, b=True, n=3, name='ABC', pair=[4, 5], level='high', flag=True, answer=None, adds=None, ext=None, required='r', rest=[])
# expect: Namespace(a=False, b=False, n=1, name='x', pair=None, level='low', flag=False, answer=42, adds=['x', 'x'], ext=['1', '2', '3', 'cmd', 'x', 'y'], required='r', rest=[])
# expect: Namespace(a=False, b=False, n=2, name='x', pair=None, level='mid', flag=True, answer=None, adds=None, ext=None, required='r', rest=[])
# expect: usage: tool [-h] [-a] [-b] [-n N] [--name NAME] [--pair W H] [--level [LEVEL]]
# expect:             [--flag | --no-flag] [--const] [--add] [--ext EXT [EXT ...]]
# expect:             [--version] --required REQUIRED
# expect:             ...
# expect: tool: error: argument -n: 0 is not positive
# expect: exit 2
# expect: usage: tool [-h] [-a] [-b] [-n N] [--name NAME] [--pair W H] [--level [LEVEL]]
# expect:             [--flag | --no-flag] [--const] [--add] [--ext EXT [EXT ...]]
# expect:             [--version] --required REQUIRED
# expect:             ...
# expect: tool: error: argument -n: -3 is not positive
# expect: exit 2
# expect: usage: tool [-h] [-a] [-b] [-n N] [--name NAME] [--pair W H] [--level [LEVEL]]
# expect:             [--flag | --no-flag] [--const] [--add] [--ext EXT [EXT ...]]
# expect:             [--version] --required REQUIRED
# expect:             ...
# expect: tool: error: the following arguments are required: --required
# expect: exit 2
# expect: usage: tool [-h] [-a] [-b] [-n N] [--name NAME] [--pair W H] [--level [LEVEL]]
# expect:             [--flag | --no-flag] [--const] [--add] [--ext EXT [EXT ...]]
# expect:             [--version] --required REQUIRED
# expect:             ...
# expect: tool: error: argument --pair: expected 2 arguments
# expect: exit 2
# expect: tool 1.0
# expect: exit 0
# expect: usage: tool [-h] [-a] [-b] [-n N] [--name NAME] [--pair W H] [--level [LEVEL]]
# expect:             [--flag | --no-flag] [--const] [--add] [--ext EXT [EXT ...]]
# expect:             [--version] --required REQUIRED
# expect:             ...
# expect: 
# expect: positional arguments:
# expect:   rest
# expect: 
# expect: options:
# expect:   -h, --help           show this help message and exit
# expect:   -a
# expect:   -b
# expect:   -n N
# expect:   --name NAME
# expect:   --pair W H
# expect:   --level [LEVEL]
# expect:   --flag, --no-flag
# expect:   --const
# expect:   --add
# expect:   --ext EXT [EXT ...]
# expect:   --version            show program's version number and exit
# expect:   --required REQUIRED
# expect: 
# expect: See the docs.
# expect: Namespace(x=-1.5, opt=None) Namespace(x=-2.0, opt=None) Namespace(x=3.0, opt='-5')
# expect: Namespace(seed=5, width=8)
# expect: usage: child [-h] [--seed SEED] [--width WIDTH]
# expect: 
# expect: A child parser.
# expect: 
# expect: options:
# expect:   -h, --help     show this help message and exit
# expect:   --seed SEED
# expect:   --width WIDTH
# expect: Namespace(debug=False, command='train', epochs=3) Namespace(debug=True, command='eval', ckpt='m.pt') Namespace(debug=False, command=None)
# expect: usage: main [-h] [--debug] {train,eval} ...
# expect: 
# expect: positional arguments:
# expect:   {train,eval}  what to do
# expect:     train       train a model
# expect:     eval        evaluate it
# expect: 
# expect: options:
# expect:   -h, --help    show this help message and exit
# expect:   --debug
# expect: usage: main [-h] [--debug] {train,eval} ...
# expect: main: error: argument command: invalid choice: 'fly' (choose from 'train', 'eval')
# expect: exit 2
# expect: usage: amb [-h] [--foo FOO] [--four FOUR]
# expect: amb: error: ambiguous option: --fo could match --foo, --four
# expect: exit 2
# expect: usage: raw [-h] [--a A]
# expect: 
# expect: line one
# expect:   line two
# expect: 
# expect: options:
# expect:   -h, --help  show this help message and exit
# expect:   --a A       keeps nothing
# expect: usage: rt [-h] [--a A]
# expect: 
# expect: options:
# expect:   -h, --help  show this help message and exit
# expect:   --a A       keeps
# expect:                 this
# expect: usage: mt [-h] [--lr float] int
# expect: 
# expect: positional arguments:
# expect:   int
# expect: 
# expect: options:
# expect:   -h, --help  show this help message and exit
# expect:   --lr float
# expect: ArgumentError argument -a: conflicting option string: -a
# expect: TypeError 'required' is an invalid argument for positionals
# expect: Namespace(b=2, a=1) {'x': [1]}
# expect: usage: a_rather_long_program_name_for_wrapping_tests.py [-h]
# expect:                                                         [--option-number-0 VALUE]
# expect:                                                         [--option-number-1 VALUE]
# expect:                                                         [--option-number-2 VALUE]
# expect:                                                         [--option-number-3 VALUE]
# expect:                                                         [--option-number-4 VALUE]
# expect:                                                         [--option-number-5 VALUE]
# expect:                                                         input_file output_file
# expect: 
# expect: positional arguments:
# expect:   input_file
# expect:   output_file
# expect: 
# expect: options:
# expect:   -h, --help            show this help message and exit
# expect:   --option-number-0 VALUE
# expect:                         the option number 0, which does something quite useful
# expect:                         for everyone
# expect:   --option-number-1 VALUE
# expect:                         the option number 1, which does something quite useful
# expect:                         for everyone
# expect:   --option-number-2 VALUE
# expect:                         the option number 2, which does something quite useful
# expect:                         for everyone
# expect:   --option-number-3 VALUE
# expect:                         the option number 3, which does something quite useful
# expect:                         for everyone
# expect:   --option-number-4 VALUE
# expect:                         the option number 4, which does something quite useful
# expect:                         for everyone
# expect:   --option-number-5 VALUE
# expect:                         the option number 5, which does something quite useful
# expect:                         for everyone
