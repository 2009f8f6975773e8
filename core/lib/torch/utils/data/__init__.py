# torch.utils.data as PyTorch 1.13 has it for map-style data sets, run in the script's own
# process (num_workers is accepted; batches are made one after the other, in PyTorch's order).
from torch.utils.data.dataset import Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, random_split
from torch.utils.data.sampler import Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler
from torch.utils.data.dataloader import DataLoader, default_collate, default_convert, get_worker_info
