# types: isinstance with FunctionType, MethodType, BuiltinFunctionType, ModuleType, GeneratorType,
# NoneType; MethodType and ModuleType made; SimpleNamespace; MappingProxyType; new_class.
import types
from types import SimpleNamespace
def f(x): return x
class C:
    def m(self): return 1
def g():
    yield 1
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(len, types.FunctionType))
print(isinstance(C().m, types.MethodType), isinstance(f, types.MethodType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(types, types.ModuleType), isinstance(g(), types.GeneratorType), isinstance(None, types.NoneType))
print(types.FunctionType, types.MethodType, types.ModuleType, types.NoneType, types.EllipsisType, types.MappingProxyType)
print(type(f) is types.FunctionType, types.FunctionType.__name__, type(...) is types.EllipsisType)
mod = types.ModuleType("mymod", "docs")
mod.x = 3
print(mod, mod.__name__, mod.x, mod.__doc__, isinstance(mod, types.ModuleType))
ns = SimpleNamespace(b=1, a="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == SimpleNamespace(b=1, a="two", c=[3]), ns == SimpleNamespace(a=1))
del ns.b
print(ns, hasattr(ns, "b"), "a" in vars(ns))
class Sub(SimpleNamespace):
    pass
print(Sub(z=0), SimpleNamespace())
try:
    SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)
mp = types.MappingProxyType({"k": 1, "j": 2})
print(mp, mp["k"], len(mp), list(mp), "j" in mp, mp.get("q", 0), list(mp.items()), type(mp).__name__)
try:
    mp["k"] = 5
except TypeError as e:
    print("TypeError", e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError", e)
N = types.new_class("N", (C,), exec_body=lambda ns: ns.update({"v": 7}))
print(N, N().v, N().m(), N.__name__)
m = types.MethodType(lambda self, k: (type(self).__name__, k), C())
print(m(5), type(m).__name__)
class D:
    "D doc"
class E(D):
    pass
print(D.__doc__, E.__doc__, D().__doc__, __doc__)
ns = SimpleNamespace(x=1)
vars(ns)["y"] = 2
ns.__dict__.update(z=3)
print(ns, ns.y, ns.z, hasattr(ns, "q"), getattr(ns, "q", "none"))
try:
    ns.missing
except AttributeError as e:
    print("AttributeError", e)
import copy
print(copy.deepcopy(ns), copy.copy(ns) == ns)

# CPython 3.11 printed:
# expect: True True False
# expect: True False True
# expect: True True True
# expect: <class 'function'> <class 'method'> <class 'module'> <class 'NoneType'> <class 'ellipsis'> <class 'mappingproxy'>
# expect: True function True
# expect: <module 'mymod'> mymod 3 docs True
# expect: namespace(b=1, a='two', c=[3]) two {'b': 1, 'a': 'two', 'c': [3]} True False
# expect: namespace(a='two', c=[3]) False True
# expect: Sub(z=0) namespace()
# expect: TypeError no positional arguments expected
# expect: {'k': 1, 'j': 2} 1 2 ['k', 'j'] True 0 [('k', 1), ('j', 2)] mappingproxy
# expect: TypeError 'mappingproxy' object does not support item assignment
# expect: TypeError mappingproxy() argument must be a mapping, not list
# expect: <class 'types.N'> 7 1 N
# expect: ('C', 5) method
# expect: D doc None D doc None
# expect: namespace(x=1, y=2, z=3) 2 3 False none
# expect: AttributeError 'types.SimpleNamespace' object has no attribute 'missing'
# expect: namespace(x=1, y=2, z=3) True
