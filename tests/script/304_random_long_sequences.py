import random

# Thousands of draws cross the twister's 624-word regeneration several times.
random.seed(0)
total = 0.0
for _ in range(2000):
    total += random.random()
print(total)  # expect: 1005.8820816573675
bits = [random.getrandbits(32) for _ in range(700)]
print(sum(bits), bits[0], bits[-1])  # expect: 1559043170399 895993875 3737674559
perm = list(range(1000))
random.shuffle(perm)
print(perm[:10], perm[-5:], sum(perm))  # expect: [869, 724, 793, 178, 891, 551, 814, 748, 372, 954] [432, 147, 471, 937, 939] 499500
print(random.sample(range(10 ** 12), 4))  # expect: [745710453559, 335480136804, 337830824574, 639934005050]
rolls = [random.randint(1, 6) for _ in range(600)]
print([rolls.count(i) for i in range(1, 7)])  # expect: [98, 110, 105, 101, 91, 95]
print(random.random())  # expect: 0.7976044646717065
