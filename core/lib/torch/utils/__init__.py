# torch.utils: the parts model files reach through `import torch.utils.data` or
# `import torch.utils.checkpoint`.
from torch.utils import data, checkpoint, hooks
