import math

print(math.sqrt(16), math.sqrt(2))  # expect: 4.0 1.4142135623730951
print(math.pi, math.e)  # expect: 3.141592653589793 2.718281828459045
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10))  # expect: 2.718281828459045 1.0 1.0 2.0
print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1))  # expect: 2 -3 3 -2
print(math.inf, -math.inf, math.inf > 1e308, type(math.floor(1.5)).__name__)  # expect: inf -inf True int
print(f"{math.sqrt(2.0 / 9):.6f}", math.log(1), math.tanh(0.5))  # expect: 0.471405 0.0 0.46211715726000974
