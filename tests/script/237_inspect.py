# inspect: signature (defs, lambdas, methods, classes, callable instances, partial, wraps), Parameter,
# bind and BoundArguments, getfullargspec, the is* predicates, getmembers, getdoc, cleandoc.
import inspect, functools
def f(a, b: int = 2, *args, c, d='x', **kw) -> str:
    """Doc of f.

        indented
    """
def g(a, /, b, *, c): pass
s = inspect.signature(f)
print(s, repr(s), s.parameters)
p = s.parameters['b']; print(repr(p), str(p), p.kind, repr(p.kind), p.kind.description, p.default, p.empty, inspect.Parameter.empty)
print(inspect.signature(g), inspect.signature(lambda x, *y: 0), list(inspect.signature(g).parameters))
class A: pass
class B:
    "B doc"
    def __init__(self, x, y=1): pass
    def m(self, z): pass
    def __call__(self, q): pass
print(inspect.signature(A), inspect.signature(B), inspect.signature(B(1).m), inspect.signature(B(1)), inspect.signature(B.m))
print(inspect.signature(functools.partial(f, 1, c=3)))
@functools.wraps(f)
def wrapper(*a, **k): return f(*a, **k)
print(inspect.signature(wrapper))
try: inspect.signature(3)
except TypeError as e: print(e)
b = s.bind(1, 2, 3, c=4, e=5); print(b, b.arguments, b.args, b.kwargs); b.apply_defaults(); print(b)
for args, kw in [((), {}), ((1,), {}), ((1,2), {'c':1, 'a':2})]:
    try: s.bind(*args, **kw)
    except TypeError as e: print('TypeError', e)
try: inspect.signature(g).bind(1, 2, 3)
except TypeError as e: print('TypeError', e)
try: inspect.signature(g).bind(a=1, b=2, c=3)
except TypeError as e: print('TypeError', e)
print(inspect.cleandoc('''  first
      indented
    body

    '''))
print(inspect.getdoc(f), inspect.getdoc(B), inspect.getdoc(A))
spec = inspect.getfullargspec(g); print(spec.args, spec.kwonlyargs, spec.varargs, spec.defaults)
print(p.kind < inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.KEYWORD_ONLY == 3, str(p.kind))
print(s.replace(return_annotation=inspect.Signature.empty), p.replace(default=5), inspect.Parameter('zz', inspect.Parameter.KEYWORD_ONLY, default=None))
print(s == inspect.signature(f), hash(p) == hash(s.parameters['b']), 'c' in s.parameters, len(s.parameters))
print([n for n, p in inspect.signature(f).parameters.items() if p.default is not inspect.Parameter.empty])
def gen(): yield 1
import math
print(inspect.isclass(A), inspect.isclass(A()), inspect.isclass(int), inspect.isfunction(f), inspect.isfunction(len), inspect.ismethod(B(1).m), inspect.ismethod(B.m))
print(inspect.ismodule(math), inspect.isbuiltin(len), inspect.isroutine(f), inspect.isroutine(len), inspect.isroutine(3))
print(inspect.isgenerator(gen()), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f))
print([n for n, v in inspect.getmembers(B, inspect.isfunction)])
class P:
    x = 1
    def meth(self): pass
print([n for n, v in inspect.getmembers(P()) if not n.startswith("__")])

# CPython 3.11 printed:
# expect: (a, b: int = 2, *args, c, d='x', **kw) -> str <Signature (a, b: int = 2, *args, c, d='x', **kw) -> str> OrderedDict([('a', <Parameter "a">), ('b', <Parameter "b: int = 2">), ('args', <Parameter "*args">), ('c', <Parameter "c">), ('d', <Parameter "d='x'">), ('kw', <Parameter "**kw">)])
# expect: <Parameter "b: int = 2"> b: int = 2 POSITIONAL_OR_KEYWORD <_ParameterKind.POSITIONAL_OR_KEYWORD: 1> positional or keyword 2 <class 'inspect._empty'> <class 'inspect._empty'>
# expect: (a, /, b, *, c) (x, *y) ['a', 'b', 'c']
# expect: () (x, y=1) (z) (q) (self, z)
# expect: (b: int = 2, *args, c=3, d='x', **kw) -> str
# expect: (a, b: int = 2, *args, c, d='x', **kw) -> str
# expect: 3 is not a callable object
# expect: <BoundArguments (a=1, b=2, args=(3,), c=4, kw={'e': 5})> {'a': 1, 'b': 2, 'args': (3,), 'c': 4, 'kw': {'e': 5}} (1, 2, 3) {'c': 4, 'e': 5}
# expect: <BoundArguments (a=1, b=2, args=(3,), c=4, d='x', kw={'e': 5})>
# expect: TypeError missing a required argument: 'a'
# expect: TypeError missing a required argument: 'c'
# expect: TypeError multiple values for argument 'a'
# expect: TypeError too many positional arguments
# expect: TypeError 'a' parameter is positional only, but was passed as a keyword
# expect: first
# expect:   indented
# expect: body
# expect: Doc of f.
# expect: 
# expect: indented B doc None
# expect: ['a', 'b'] ['c'] None None
# expect: True True POSITIONAL_OR_KEYWORD
# expect: (a, b: int = 2, *args, c, d='x', **kw) b: int = 5 zz=None
# expect: True True True 6
# expect: ['b', 'd']
# expect: True False True True False True False
# expect: True True True True False
# expect: True True False False
# expect: ['__call__', '__init__', 'm']
# expect: ['meth', 'x']
