# itertools, operator, numbers, string.
import itertools
import operator
import numbers
import string
from itertools import chain, product, combinations, permutations, islice, count, cycle, repeat, accumulate, zip_longest, groupby

print(list(chain([1, 2], (3,))), list(chain.from_iterable([[1], [2, 3]])), list(product("ab", repeat=2)))
print(list(combinations(range(4), 2)), list(permutations("abc", 2))[:3], list(islice(count(10, 5), 3)))
print(list(islice(cycle("xy"), 5)), list(repeat(7, 3)), list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 2], max)))
print(list(zip_longest([1, 2, 3], "ab", fillvalue="-")), [(k, list(g)) for k, g in groupby("aabccc")])
print(list(zip(range(3), count())), list(itertools.pairwise([1, 2, 3])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(operator.add(2, 3), operator.mul(2, 3), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.methodcaller("upper")("x"), operator.neg(4))
print(isinstance(3, numbers.Integral), isinstance(3.5, numbers.Integral), isinstance(3.5, numbers.Real), isinstance("3", numbers.Number))
print(string.ascii_lowercase, string.digits, string.punctuation[:5], string.capwords("hello  world"))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"), string.Template("$a $b").safe_substitute(a=1))

# CPython 3.11 printed:
# expect: [1, 2, 3] [1, 2, 3] [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]
# expect: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] [('a', 'b'), ('a', 'c'), ('b', 'a')] [10, 15, 20]
# expect: ['x', 'y', 'x', 'y', 'x'] [7, 7, 7] [1, 3, 6, 10] [3, 3, 3]
# expect: [(1, 'a'), (2, 'b'), (3, '-')] [('a', ['a', 'a']), ('b', ['b']), ('c', ['c', 'c', 'c'])]
# expect: [(0, 0), (1, 1), (2, 2)] [(1, 2), (2, 3)] [8, 9]
# expect: 5 6 ('b', 'a') 3
# expect: [('b', 2), ('a', 3)] X -4
# expect: True False True False
# expect: abcdefghijklmnopqrstuvwxyz 0123456789 !"#$% Hello World
# expect: tim likes kung pao 1 $b
