# numbers: the numeric tower. isinstance(3, numbers.Integral), isinstance(0.5, numbers.Real)
# answer as in CPython; user classes derive from these as from any class.
import _initlab


class Number:
    _builtin = (int, float, bool)

    @classmethod
    def __instancecheck__(cls, obj):
        if "_builtin" in cls.__dict__ and isinstance(obj, cls._builtin):
            return True
        return _initlab.nominal_isinstance(obj, cls)


class Complex(Number):
    _builtin = (int, float, bool)


class Real(Complex):
    _builtin = (int, float, bool)


class Rational(Real):
    _builtin = (int, bool)


class Integral(Rational):
    _builtin = (int, bool)
