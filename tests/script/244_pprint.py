# pprint: pprint, pformat, pp, saferepr, PrettyPrinter (width, indent, depth, compact, sort_dicts) over
# dicts, lists, tuples, sets and long strings, laid out as CPython lays them out.
import pprint
config = {"model": {"name": "resnet18", "layers": [2, 2, 2, 2], "width": 64, "dropout": 0.1,
                    "activation": "relu", "norm": {"type": "batch", "eps": 1e-05, "momentum": 0.1}},
          "optim": {"lr": 0.001, "betas": (0.9, 0.999), "weight_decay": 0.0005, "name": "adam"},
          "data": {"batch_size": 128, "augment": True, "paths": ["/data/train", "/data/val", "/data/test"]},
          "epochs": 90, "seed": 0}
pprint.pprint(config)
pprint.pprint(config, width=40)
pprint.pprint(config, sort_dicts=False, indent=4)
pprint.pprint(config, depth=2)
print(pprint.pformat(list(range(40))))
print(pprint.pformat(list(range(40)), compact=True))
pprint.pprint([("conv1.weight", (64, 3, 7, 7)), ("bn1.weight", (64,)), ("layer1.0.conv1.weight", (64, 64, 3, 3)),
               ("fc.weight", (1000, 512))])
pprint.pprint({"short": 1})
pprint.pprint("a long string " * 10)
pprint.pprint({"text": "a long string that goes on " * 4, "n": 1})
pprint.pprint({1, 2, 3}), pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(25)))
pprint.pprint((1,)), pprint.pprint(((1, 2),) * 15)
pprint.pprint([[1, 2, 3]] * 12, width=30)
print(pprint.saferepr({"b": 1, "a": [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
pprint.pp({"z": 1, "a": 2})
p = pprint.PrettyPrinter(width=20, indent=2)
p.pprint({"alpha": [1, 2, 3], "beta": {"x": 1, "y": 2}})
print(p.pformat(["x" * 10, "y" * 10]))
pprint.pprint({"nested": [{"a": 1, "b": [1, 2, {"deep": "value" * 3}]}] * 3})

# CPython 3.11 printed:
# expect: {'data': {'augment': True,
# expect:           'batch_size': 128,
# expect:           'paths': ['/data/train', '/data/val', '/data/test']},
# expect:  'epochs': 90,
# expect:  'model': {'activation': 'relu',
# expect:            'dropout': 0.1,
# expect:            'layers': [2, 2, 2, 2],
# expect:            'name': 'resnet18',
# expect:            'norm': {'eps': 1e-05, 'momentum': 0.1, 'type': 'batch'},
# expect:            'width': 64},
# expect:  'optim': {'betas': (0.9, 0.999),
# expect:            'lr': 0.001,
# expect:            'name': 'adam',
# expect:            'weight_decay': 0.0005},
# expect:  'seed': 0}
# expect: {'data': {'augment': True,
# expect:           'batch_size': 128,
# expect:           'paths': ['/data/train',
# expect:                     '/data/val',
# expect:                     '/data/test']},
# expect:  'epochs': 90,
# expect:  'model': {'activation': 'relu',
# expect:            'dropout': 0.1,
# expect:            'layers': [2, 2, 2, 2],
# expect:            'name': 'resnet18',
# expect:            'norm': {'eps': 1e-05,
# expect:                     'momentum': 0.1,
# expect:                     'type': 'batch'},
# expect:            'width': 64},
# expect:  'optim': {'betas': (0.9, 0.999),
# expect:            'lr': 0.001,
# expect:            'name': 'adam',
# expect:            'weight_decay': 0.0005},
# expect:  'seed': 0}
# expect: {   'model': {   'name': 'resnet18',
# expect:                  'layers': [2, 2, 2, 2],
# expect:                  'width': 64,
# expect:                  'dropout': 0.1,
# expect:                  'activation': 'relu',
# expect:                  'norm': {'type': 'batch', 'eps': 1e-05, 'momentum': 0.1}},
# expect:     'optim': {   'lr': 0.001,
# expect:                  'betas': (0.9, 0.999),
# expect:                  'weight_decay': 0.0005,
# expect:                  'name': 'adam'},
# expect:     'data': {   'batch_size': 128,
# expect:                 'augment': True,
# expect:                 'paths': ['/data/train', '/data/val', '/data/test']},
# expect:     'epochs': 90,
# expect:     'seed': 0}
# expect: {'data': {'augment': True, 'batch_size': 128, 'paths': [...]},
# expect:  'epochs': 90,
# expect:  'model': {'activation': 'relu',
# expect:            'dropout': 0.1,
# expect:            'layers': [...],
# expect:            'name': 'resnet18',
# expect:            'norm': {...},
# expect:            'width': 64},
# expect:  'optim': {'betas': (...), 'lr': 0.001, 'name': 'adam', 'weight_decay': 0.0005},
# expect:  'seed': 0}
# expect: [0,
# expect:  1,
# expect:  2,
# expect:  3,
# expect:  4,
# expect:  5,
# expect:  6,
# expect:  7,
# expect:  8,
# expect:  9,
# expect:  10,
# expect:  11,
# expect:  12,
# expect:  13,
# expect:  14,
# expect:  15,
# expect:  16,
# expect:  17,
# expect:  18,
# expect:  19,
# expect:  20,
# expect:  21,
# expect:  22,
# expect:  23,
# expect:  24,
# expect:  25,
# expect:  26,
# expect:  27,
# expect:  28,
# expect:  29,
# expect:  30,
# expect:  31,
# expect:  32,
# expect:  33,
# expect:  34,
# expect:  35,
# expect:  36,
# expect:  37,
# expect:  38,
# expect:  39]
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
# expect:  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
# expect: [('conv1.weight', (64, 3, 7, 7)),
# expect:  ('bn1.weight', (64,)),
# expect:  ('layer1.0.conv1.weight', (64, 64, 3, 3)),
# expect:  ('fc.weight', (1000, 512))]
# expect: {'short': 1}
# expect: ('a long string a long string a long string a long string a long string a long '
# expect:  'string a long string a long string a long string a long string ')
# expect: {'n': 1,
# expect:  'text': 'a long string that goes on a long string that goes on a long string '
# expect:          'that goes on a long string that goes on '}
# expect: {1, 2, 3}
# expect: {0,
# expect:  1,
# expect:  2,
# expect:  3,
# expect:  4,
# expect:  5,
# expect:  6,
# expect:  7,
# expect:  8,
# expect:  9,
# expect:  10,
# expect:  11,
# expect:  12,
# expect:  13,
# expect:  14,
# expect:  15,
# expect:  16,
# expect:  17,
# expect:  18,
# expect:  19,
# expect:  20,
# expect:  21,
# expect:  22,
# expect:  23,
# expect:  24,
# expect:  25,
# expect:  26,
# expect:  27,
# expect:  28,
# expect:  29}
# expect: frozenset({0,
# expect:            1,
# expect:            2,
# expect:            3,
# expect:            4,
# expect:            5,
# expect:            6,
# expect:            7,
# expect:            8,
# expect:            9,
# expect:            10,
# expect:            11,
# expect:            12,
# expect:            13,
# expect:            14,
# expect:            15,
# expect:            16,
# expect:            17,
# expect:            18,
# expect:            19,
# expect:            20,
# expect:            21,
# expect:            22,
# expect:            23,
# expect:            24})
# expect: (1,)
# expect: ((1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2),
# expect:  (1, 2))
# expect: [[1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3],
# expect:  [1, 2, 3]]
# expect: {'a': [1, 2], 'b': 1} True False
# expect: {'z': 1, 'a': 2}
# expect: { 'alpha': [ 1,
# expect:              2,
# expect:              3],
# expect:   'beta': { 'x': 1,
# expect:             'y': 2}}
# expect: [ 'xxxxxxxxxx',
# expect:   'yyyyyyyyyy']
# expect: {'nested': [{'a': 1, 'b': [1, 2, {'deep': 'valuevaluevalue'}]},
# expect:             {'a': 1, 'b': [1, 2, {'deep': 'valuevaluevalue'}]},
# expect:             {'a': 1, 'b': [1, 2, {'deep': 'valuevaluevalue'}]}]}
