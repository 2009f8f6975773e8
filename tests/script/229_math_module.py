# The math module, all of it that model code reaches for.
# gamma, lgamma and cbrt come from the C library: glibc (native) and musl (wasm) may differ in
# the last bit there, as CPython on other platforms does, so those print rounded.
import math

print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(8), math.log10(1000), math.log1p(1e-10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(0.5), math.erfc(0.5), round(math.gamma(5.5), 12), round(math.lgamma(10), 12), math.expm1(1e-5), round(math.cbrt(27), 12), math.exp2(10))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.copysign(2, -0.0), math.fmod(7.5, 2), math.remainder(7, 2), math.frexp(48.0), math.ldexp(0.75, 6), math.modf(-3.25))
print(math.gcd(12, 18, 27), math.lcm(4, 6), math.factorial(10), math.comb(10, 3), math.perm(5, 2), math.perm(4), math.isqrt(99))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3], start=2) if False else math.prod([1, 2, 3]))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-2.7), math.fabs(-3), math.pow(2, 0.5), math.isnan(math.nan), math.isinf(-math.inf))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.pi, math.e, math.tau, math.inf, math.isfinite(1e308))
for bad in ["math.sqrt(-1)", "math.log(0)", "math.factorial(-1)"]:
    try:
        eval_result = {"math.sqrt(-1)": lambda: math.sqrt(-1), "math.log(0)": lambda: math.log(0), "math.factorial(-1)": lambda: math.factorial(-1)}[bad]()
    except ValueError as e:
        print(bad, "->", e)

# CPython 3.11 printed:
# expect: 1.4142135623730951 2.718281828459045 2.0 3.0 3.0 9.999999999500001e-11
# expect: 0.8414709848078965 0.5403023058681398 1.5574077246549023 0.5235987755982989 1.0471975511965979 0.7853981633974483 2.356194490192345
# expect: 1.1752011936438014 1.5430806348152437 0.7615941559557649 0.881373587019543 1.3169578969248166 0.5493061443340548
# expect: 0.5204998778130465 0.4795001221869535 52.342777784554 12.801827480081 1.0000050000166668e-05 3.0 1024.0
# expect: 180.0 3.141592653589793 5.0 3.0 5.0
# expect: -2.0 1.5 -1.0 (0.75, 6) 48.0 (-0.25, -3.0)
# expect: 3 12 3628800 120 20 24 9
# expect: True False 1.0 0.9999999999999999 6
# expect: -1 0 -2 3.0 1.4142135623730951 True True
# expect: 1.0000000000000002 2.220446049250313e-16 3.141592653589793 2.718281828459045 6.283185307179586 inf True
# expect: math.sqrt(-1) -> math domain error
# expect: math.log(0) -> math domain error
# expect: math.factorial(-1) -> factorial() not defined for negative values
