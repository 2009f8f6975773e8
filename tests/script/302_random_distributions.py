import random

random.seed(2024)
print(random.gauss(), random.gauss(0, 1))  # expect: -1.5858438430959185 0.3015791682292153
print(random.gauss(10.0, 2.5), random.random(), random.gauss(10.0, 2.5))  # expect: 8.269129508518057 0.41008858946872573 14.92866296021386
print(random.normalvariate(), random.normalvariate(5, 0.1))  # expect: 0.5057412871699949 4.766739150461877
print(random.lognormvariate(0.0, 0.5))  # expect: 0.9975087690108788
print(random.expovariate(1.0), random.expovariate(0.25), random.expovariate(-2))  # expect: 1.3010680710324547 13.214429873601844 -0.18519080608350566
print(random.triangular(), random.triangular(2.0, 10.0, 3.0), random.triangular(1, 5, 5))  # expect: 0.6153311697735842 4.811902129619688 4.420783731550434
print(random.triangular(3, 3, 3))  # expect: 3
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0.0, 0.0))  # expect: 0.8326976857525349 4.454997548025156
print(random.gammavariate(0.5, 1.0), random.gammavariate(1.0, 2.0), random.gammavariate(2.5, 1.0))  # expect: 1.193001823327921 0.4780659209748672 2.09227942396401
print(random.betavariate(2.0, 5.0), random.betavariate(0.5, 0.5))  # expect: 0.3488789945464978 0.8299417735623787
print(random.paretovariate(2.5), random.weibullvariate(1.0, 1.5))  # expect: 1.2493370211417316 0.5250578611857264
random.seed(2024)
g = random.gauss()
random.seed(2024)
print(g == random.gauss())  # expect: True
xs = [random.gauss(0.0, 1.0) for _ in range(1000)]
# gauss uses cos and sin from the C library, where musl (wasm) and glibc may differ in the last
# bit for a few of these 1000 draws: the sum is compared to 12 significant digits.
print(f"{sum(xs):.12g}")  # expect: 19.5845884336
print(min(xs), max(xs))  # expect: -3.971551838289565 3.328724453506296
ys = [random.uniform(-1, 1) for _ in range(700)]
print(sum(ys) / len(ys))  # expect: 0.019856912856639555
