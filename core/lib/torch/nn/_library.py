# Members of the native torch.nn namespace that are written in Python, one import per module
# file (named like PyTorch's). The interpreter reads a name here when the native namespace
# lacks it; every name bound here is a torch.nn member.
from torch.nn.modules.sparse import Embedding
from torch.nn.modules.container import ModuleDict, ParameterList, ParameterDict
from torch.nn.modules.rnn import RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell
from torch.nn.modules.activation import MultiheadAttention
from torch.nn.modules.transformer import Transformer, TransformerEncoder, TransformerDecoder, TransformerEncoderLayer, TransformerDecoderLayer
from torch.nn.parallel import DataParallel
from torch.nn.modules.distance import PairwiseDistance, CosineSimilarity
from torch.nn.modules.linear import Bilinear
from torch.nn.modules.normalization import LocalResponseNorm
