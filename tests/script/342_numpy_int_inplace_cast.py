import numpy as np

counts = np.zeros(3, dtype=int)
counts += 2
print(counts)
counts *= 1.5
# expect: [2 2 2]
# error: line 6: _UFuncOutputCastingError: Cannot cast ufunc 'multiply' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
