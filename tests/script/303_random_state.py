import random

random.seed(5)
random.gauss()
state = random.getstate()
print(len(state), state[0], len(state[1]), state[1][624], type(state[2]).__name__)  # expect: 3 3 625 4 float
print(state[1][0], state[1][1], state[1][623])  # expect: 800844005 2707223550 2402479847
a = [random.random() for _ in range(3)]
g = random.gauss()
random.setstate(state)
print(a == [random.random() for _ in range(3)], g == random.gauss())  # expect: True True
r1 = random.Random(123)
r2 = random.Random(123)
print(r1.random() == r2.random(), r1.randint(1, 10), r2.randint(1, 10))  # expect: True 2 2
r1.seed(99)
print(r1.random(), r2.random())  # expect: 0.40397807494366633 0.7689563885870707
print(r1.gauss_next, r1.VERSION)  # expect: None 3
r1.gauss()
print(r1.gauss_next)  # expect: 0.5970515299654413
r3 = random.Random()
r3.setstate(r1.getstate())
print(r3.gauss() == r1.gauss(), r3.random() == r1.random())  # expect: True True
s = random.Random("hello")
print(s.random(), s.randint(0, 1000))  # expect: 0.3537754404730722 679
s.seed("héllo wörld")
print(s.random())  # expect: 0.07829104647591212
s.seed("")
print(s.random())  # expect: 0.9602256525641875
s.seed("hello", version=1)
print(s.random())  # expect: 0.8180391270568783
s.seed(3.5)
print(s.random())  # expect: 0.3039190124834461
s.seed(-1.5)
print(s.random())  # expect: 0.7101153317194698
s.seed(3.0)
t = s.random()
s.seed(3)
print(t == s.random())  # expect: True
s.seed(1e300)
print(s.random())  # expect: 0.2614143642581235
s.seed(float("inf"))
print(s.random())  # expect: 0.19236379321481523
s.seed()
u = s.random()
print(0.0 <= u < 1.0)  # expect: True
random.seed()
print(0 <= random.randrange(10) < 10)  # expect: True
print(type(random.getstate()[1]).__name__)  # expect: tuple
