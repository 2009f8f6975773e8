import random

random.seed(42)
print(random.random())  # expect: 0.6394267984578837
print(random.random(), random.random())  # expect: 0.025010755222666936 0.27502931836911926
print(random.randint(1, 6), random.randint(1, 6), random.randint(-3, 3))  # expect: 2 2 2
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7), random.randrange(100, 0, -3))  # expect: 1 48 77 85
print(random.choice([10, 20, 30, 40]), random.choice("abcdef"), random.choice((1.5, 2.5)), random.choice(range(1000)))  # expect: 40 a 1.5 95
print(random.uniform(1.0, 2.0), random.uniform(5, -5))  # expect: 1.2186379748036034 -0.053552881033623656
print(random.getrandbits(1), random.getrandbits(16), random.getrandbits(40), random.getrandbits(63))  # expect: 0 36781 786833016361 6468581141273039753
a = [random.random() for _ in range(3)]
random.seed(42)
b = random.random()
print(b == 0.6394267984578837)  # expect: True
random.seed(-7)
x = random.random()
random.seed(7)
print(x == random.random())  # expect: True
random.seed(2 ** 32 + 5)
print(random.random(), random.randint(0, 2 ** 62))  # expect: 0.15727238718789782 3274907606870118145
random.seed(9223372036854775807)
print(random.random())  # expect: 0.3166448820870279
random.seed(True)
t = random.random()
random.seed(1)
print(t == random.random())  # expect: True
print(random.randint(-9223372036854775807 - 1, 9223372036854775807))  # expect: -4518178893585726255
print(random.randrange(-9223372036854775807 - 1, 9223372036854775807))  # expect: 4813907391681975675
print(random.randint(5, 5), random.randrange(3.0), random.randint(1, 2.0))  # expect: 5 1 2
r = random.Random(42)
print(r.random(), r.randint(1, 6))  # expect: 0.6394267984578837 1
print(isinstance(r, random.Random), random.Random.__name__)  # expect: True Random
from random import randint, seed
seed(3)
print(randint(1, 100), random.randint(1, 100))  # expect: 31 76
