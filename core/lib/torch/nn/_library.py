# Members of the native torch.nn namespace that are written in Python (nn.DataParallel). The
# interpreter reads a name here when the native namespace lacks it.
from torch.nn.parallel import DataParallel
