# inspect: the is* predicates, signature() with Signature, Parameter and BoundArguments for
# functions written in Python (defs, lambdas, methods, classes, callable instances,
# functools.partial), getfullargspec, getmembers, getdoc, cleandoc, unwrap.
#
# Annotations are kept as their source text (initlab does not evaluate them), so a signature
# prints `b: int = 2` as CPython does, and Parameter.annotation is the text 'int'. Natively
# implemented callables (builtins, torch and nn classes) have no signature here; getsource and
# friends need files, which the playground has not: both raise NotImplementedError.
import _initlab
import types


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind:
    def __init__(self, name, value, description):
        self.name = name
        self.value = value
        self._value_ = value
        self.description = description

    def __repr__(self):
        return f"<_ParameterKind.{self.name}: {self.value}>"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        return self.value == other

    def __hash__(self):
        return hash(self.value)

    def __lt__(self, other):
        return self.value < (other.value if isinstance(other, _ParameterKind) else other)

    def __le__(self, other):
        return self.value <= (other.value if isinstance(other, _ParameterKind) else other)

    def __gt__(self, other):
        return self.value > (other.value if isinstance(other, _ParameterKind) else other)

    def __ge__(self, other):
        return self.value >= (other.value if isinstance(other, _ParameterKind) else other)

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value


_POSITIONAL_ONLY = _ParameterKind("POSITIONAL_ONLY", 0, "positional-only")
_POSITIONAL_OR_KEYWORD = _ParameterKind("POSITIONAL_OR_KEYWORD", 1, "positional or keyword")
_VAR_POSITIONAL = _ParameterKind("VAR_POSITIONAL", 2, "variadic positional")
_KEYWORD_ONLY = _ParameterKind("KEYWORD_ONLY", 3, "keyword-only")
_VAR_KEYWORD = _ParameterKind("VAR_KEYWORD", 4, "variadic keyword")
_KINDS = [_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD]


def _format_annotation(annotation):
    if isinstance(annotation, type):
        module = getattr(annotation, "__module__", "builtins")
        if module == "builtins":
            return annotation.__qualname__
        return module + "." + annotation.__qualname__
    return repr(annotation).replace("typing.", "")


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation."""

    empty = _empty
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            if isinstance(kind, int) and 0 <= kind <= 4:
                kind = _KINDS[kind]
            else:
                raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f"{kind.description} parameters cannot have default values")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not a {type(name).__name__}")
        if not name.isidentifier():
            raise ValueError(f"{name!r} is not a valid parameter name")
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation
        self._source_annotation = False

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        p = Parameter(self._name if name is _void else name, self._kind if kind is _void else kind,
                      default=self._default if default is _void else default,
                      annotation=self._annotation if annotation is _void else annotation)
        p._source_annotation = self._source_annotation and annotation is _void
        return p

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            ann = self._annotation if self._source_annotation else _format_annotation(self._annotation)
            text = f"{text}: {ann}"
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = f"{text} = {self._default!r}"
            else:
                text = f"{text}={self._default!r}"
        if self._kind == _VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == _VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and self._default == other._default
                and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind.value, self._annotation, repr(self._default)))


class _Parameters(types.MappingProxyType):
    # Signature.parameters: read-only, printed as CPython prints its OrderedDict.
    def __repr__(self):
        return f"mappingproxy({self})"

    def __str__(self):
        items = ", ".join([f"({k!r}, {v!r})" for k, v in self.items()])
        return f"OrderedDict([{items}])"


class BoundArguments:
    """Signature.bind's result: the arguments by parameter name."""

    def __init__(self, signature, arguments):
        self._signature = signature
        self.arguments = arguments

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        out = []
        for name, p in self._signature.parameters.items():
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if name not in self.arguments:
                break
            if p.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for name, p in self._signature.parameters.items():
            if not started:
                if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            if p.kind == _VAR_KEYWORD:
                out.update(self.arguments[name])
            else:
                out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        new = {}
        for name, p in self._signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind == _VAR_POSITIONAL:
                new[name] = ()
            elif p.kind == _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        parts = [f"{k}={v!r}" for k, v in self.arguments.items()]
        return f"<{type(self).__name__} ({', '.join(parts)})>"


class Signature:
    """The parameters of a callable and its return annotation."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            top = _POSITIONAL_ONLY
            seen_default = False
            for p in parameters:
                if __validate_parameters__:
                    if p.kind < top:
                        raise ValueError(f"wrong parameter order: {top.description} parameter before "
                                         f"{p.kind.description} parameter")
                    top = p.kind
                    if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if p.default is _empty:
                            if seen_default:
                                raise ValueError("non-default argument follows default argument")
                        else:
                            seen_default = True
                    if p.name in params:
                        raise ValueError(f"duplicate parameter name: {p.name!r}")
                params[p.name] = p
        self._parameters = _Parameters(params)
        self._return_annotation = return_annotation
        self._source_return = False

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return signature(obj, follow_wrapped=follow_wrapped)

    def replace(self, *, parameters=_void, return_annotation=_void):
        s = Signature(list(self._parameters.values()) if parameters is _void else parameters,
                      return_annotation=self._return_annotation if return_annotation is _void else return_annotation)
        s._source_return = self._source_return and return_annotation is _void
        return s

    def __str__(self):
        parts = []
        slash = False
        star = True
        for p in self._parameters.values():
            if p.kind == _POSITIONAL_ONLY:
                slash = True
            elif slash:
                parts.append("/")
                slash = False
            if p.kind == _VAR_POSITIONAL:
                star = False
            elif p.kind == _KEYWORD_ONLY and star:
                parts.append("*")
                star = False
            parts.append(str(p))
        if slash:
            parts.append("/")
        text = "(" + ", ".join(parts) + ")"
        if self._return_annotation is not _empty:
            ann = self._return_annotation if self._source_return else _format_annotation(self._return_annotation)
            text += " -> " + ann
        return text

    def __repr__(self):
        return f"<{type(self).__name__} {self}>"

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation
                and list(self._parameters.items()) == list(other._parameters.items()))

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = list(self._parameters.values())
        i = 0
        args = list(args)
        kwargs = dict(kwargs)
        # Positional arguments fill the parameters in order.
        while args:
            if i >= len(params):
                raise TypeError("too many positional arguments")
            p = params[i]
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError("too many positional arguments")
            if p.kind == _VAR_POSITIONAL:
                arguments[p.name] = tuple(args)
                args = []
                i += 1
                break
            if p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                raise TypeError(f"multiple values for argument {p.name!r}")
            arguments[p.name] = args.pop(0)
            i += 1
        kwargs_param = None
        for p in params[i:]:
            if p.kind == _VAR_KEYWORD:
                kwargs_param = p
                continue
            if p.kind == _VAR_POSITIONAL:
                continue
            if p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                arguments[p.name] = kwargs.pop(p.name)
            elif not partial and p.default is _empty:
                if p.kind == _POSITIONAL_ONLY and p.name in kwargs:
                    break
                raise TypeError(f"missing a required argument: {p.name!r}")
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                name = next(iter(kwargs))
                for p in params:
                    if p.name == name and p.kind == _POSITIONAL_ONLY:
                        raise TypeError(f"{name!r} parameter is positional only, but was passed as a keyword")
                raise TypeError(f"got an unexpected keyword argument {name!r}")
        return BoundArguments(self, arguments)

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, True)


def _function_signature(func):
    params, generator, returns = _initlab.function_info(func, _empty)
    out = []
    for name, kind, default, annotation in params:
        p = Parameter(name, _KINDS[kind], default=default, annotation=annotation)
        p._source_annotation = annotation is not _empty
        out.append(p)
    s = Signature(out, return_annotation=returns, __validate_parameters__=False)
    s._source_return = returns is not _empty
    return s


def _drop_first(sig):
    params = list(sig.parameters.values())
    if params and params[0].kind not in (_VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD):
        params = params[1:]
    elif not params:
        raise ValueError("invalid method signature")
    return sig.replace(parameters=params)


def _partial_signature(sig, partial):
    params = list(sig.parameters.values())
    out = []
    n = len(partial.args)
    keywords = partial.keywords
    to_keyword_only = False
    for p in params:
        if n and p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            n -= 1
            continue
        if n and p.kind == _VAR_POSITIONAL:
            n = 0
        if p.name in keywords and p.kind in (_POSITIONAL_OR_KEYWORD, _KEYWORD_ONLY):
            p = p.replace(default=keywords[p.name], kind=_KEYWORD_ONLY)
            to_keyword_only = True
        elif to_keyword_only and p.kind == _POSITIONAL_OR_KEYWORD:
            p = p.replace(kind=_KEYWORD_ONLY)
        elif p.name in keywords and p.kind == _POSITIONAL_ONLY:
            raise ValueError(f"partial object {partial!r} has incorrect arguments")
        out.append(p)
    if n:
        raise ValueError(f"partial object {partial!r} has incorrect arguments")
    # Keyword-only parameters made from positional ones go after any *args, as CPython orders them.
    head = [p for p in out if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL)]
    tail = [p for p in out if p.kind in (_KEYWORD_ONLY, _VAR_KEYWORD)]
    return sig.replace(parameters=head + tail)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable written in Python."""
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if ismethod(obj):
        return _drop_first(signature(obj.__func__, follow_wrapped=follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if ismethod(obj):
            return signature(obj, follow_wrapped=follow_wrapped)
    sig = getattr(obj, "__signature__", None) if not isclass(obj) or _is_script_class(obj) else None
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(f"unexpected object {sig!r} in __signature__ attribute")
        return sig
    if isfunction(obj):
        return _function_signature(obj)
    import functools
    if isinstance(obj, functools.partial):
        return _partial_signature(signature(obj.func, follow_wrapped=follow_wrapped), obj)
    if isclass(obj):
        if not _is_script_class(obj):
            raise _native(obj)
        for name in ("__new__", "__init__"):
            for klass in obj.__mro__:
                attrs = getattr(klass, "__dict__", {})
                if name in attrs:
                    target = attrs[name]
                    if isinstance(target, staticmethod):
                        target = target.__func__
                    if isfunction(target):
                        return _drop_first(_function_signature(target))
                    break
        return Signature()
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        return _drop_first(_function_signature(call))
    raise _native(obj)


def _native(obj):
    return NotImplementedError(f"not supported in initlab: inspect.signature of {obj!r} (it is implemented "
                               "natively, so initlab does not know its parameters)")


def _is_script_class(cls):
    return _initlab.kind(cls) == "type" and hasattr(cls, "__mro__") and hasattr(cls, "__dict__")


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__"):
        if stop is not None and stop(f):
            break
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError(f"wrapper loop when unwrapping {func!r}")
        seen.add(id(f))
    return f


def _full_arg_spec():
    from collections import namedtuple
    return namedtuple("FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations")


def getfullargspec(func):
    try:
        sig = signature(func.__func__ if ismethod(func) else func, follow_wrapped=False)
    except Exception as ex:
        raise TypeError("unsupported callable") from ex
    args = []
    varargs = None
    varkw = None
    defaults = []
    kwonly = []
    kwdefaults = {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations["return"] = sig.return_annotation
    for p in sig.parameters.values():
        if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(p.name)
            if p.default is not _empty:
                defaults.append(p.default)
        elif p.kind == _VAR_POSITIONAL:
            varargs = p.name
        elif p.kind == _KEYWORD_ONLY:
            kwonly.append(p.name)
            if p.default is not _empty:
                kwdefaults[p.name] = p.default
        else:
            varkw = p.name
        if p.annotation is not _empty:
            annotations[p.name] = p.annotation
    return _full_arg_spec()(args, varargs, varkw, tuple(defaults) if defaults else None, kwonly,
                            kwdefaults if kwdefaults else None, annotations)


def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def ismethoddescriptor(obj):
    return False


def isdatadescriptor(obj):
    return isinstance(obj, property)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj) or ismethoddescriptor(obj)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def _function_of(obj):
    import functools
    while True:
        if ismethod(obj):
            obj = obj.__func__
        elif isinstance(obj, functools.partial):
            obj = obj.func
        else:
            return obj


def isgeneratorfunction(obj):
    f = _function_of(obj)
    return isfunction(f) and _initlab.function_info(f, _empty)[1]


def iscoroutinefunction(obj):
    return False


def isasyncgenfunction(obj):
    return False


def iscoroutine(obj):
    return False


def isawaitable(obj):
    return False


def isasyncgen(obj):
    return False


def isframe(obj):
    return False


def iscode(obj):
    return False


def istraceback(obj):
    return False


def isabstract(obj):
    if not isclass(obj):
        return False
    import abc
    return _is_script_class(obj) and bool(abc._abstract_names(obj))


def getmembers(obj, predicate=None):
    results = []
    for name in dir(obj):
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((name, value))
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if doc is None and isclass(obj) and _is_script_class(obj):
        for base in obj.__mro__[1:]:
            doc = getattr(base, "__doc__", None)
            if doc is not None:
                break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def currentframe():
    """None: initlab has no frame objects (CPython documents None where frames are missing)."""
    return None


def _no_source(name):
    def refuse(obj, *args, **kwargs):
        raise NotImplementedError(f"not supported in initlab: inspect.{name} (the playground has no source files)")
    refuse.__name__ = name
    return refuse


getsource = _no_source("getsource")
getsourcelines = _no_source("getsourcelines")
getsourcefile = _no_source("getsourcefile")
getfile = _no_source("getfile")
getcomments = _no_source("getcomments")
findsource = _no_source("findsource")


def stack(context=1):
    raise NotImplementedError("not supported in initlab: inspect.stack (no frame objects)")


def getmodule(obj, _filename=None):
    raise NotImplementedError("not supported in initlab: inspect.getmodule")


def getmro(cls):
    return cls.__mro__
