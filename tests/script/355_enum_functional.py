# Enum's functional API: Enum('Name', 'A B') (fastai's NormType), a comma list, a list of
# names with start, (name, value) pairs and a mapping; IntEnum's form compares with ints.
from enum import Enum, IntEnum

NormType = Enum('NormType', 'Batch BatchZero Weight Spectral Instance InstanceZero')
print(NormType.Batch, NormType.BatchZero.value, len(NormType), [m.name for m in NormType][:3])
print(NormType(3), NormType['Spectral'] is NormType.Spectral, isinstance(NormType.Weight, NormType), NormType.__name__)
Color = Enum('Color', 'RED, GREEN', start=10)
print(Color.RED.value, Color.GREEN.value, repr(Color.GREEN))
Shape = Enum('Shape', [('SQUARE', 'sq'), ('ROUND', 'rd')])
print(Shape.ROUND.value, Shape('sq'))
Level = IntEnum('Level', ['LOW', 'HIGH'])
print(Level.HIGH == 2, Level.LOW < Level.HIGH, Enum('M', {'X': 5}).X.value)

import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 0.5, 2.0])
print(F.relu_(x.clone()), F.leaky_relu_(x.clone(), 0.1), F.elu_(x.clone()), F.hardtanh_(x.clone(), -0.5, 1.0))
print(F.relu_ is F.relu_, F.relu_ in (F.relu_, F.leaky_relu_))

# CPython 3.11 / PyTorch 1.13 printed:
# expect: NormType.Batch 2 6 ['Batch', 'BatchZero', 'Weight']
# expect: NormType.Weight True True NormType
# expect: 10 11 <Color.GREEN: 11>
# expect: rd Shape.SQUARE
# expect: True True 5
# expect: tensor([0.0000, 0.5000, 2.0000]) tensor([-0.1000,  0.5000,  2.0000]) tensor([-0.6321,  0.5000,  2.0000]) tensor([-0.5000,  0.5000,  1.0000])
# expect: True True
