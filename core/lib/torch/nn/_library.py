# Members of the native torch.nn namespace that are written in Python (core/lib/torch/nn/modules).
# The interpreter reads a name here when the native namespace lacks it (torch.nn.LSTM); every
# public name of this file is a torch.nn member, so the imports name exactly those.
from torch.nn.modules.rnn import RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell
