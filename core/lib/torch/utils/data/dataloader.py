# DataLoader as PyTorch 1.13 runs it with num_workers=0 (torch/utils/data/dataloader.py and
# _utils/collate.py). Each iteration first draws the loader's base seed (one int64 draw from
# `generator` or the default generator, even without shuffling), then, at the first batch,
# iterates the batch sampler: the draws land on the generator in PyTorch's order.
import warnings as _warnings
import torch as _torch
import _initlab
from torch.utils.data.dataset import IterableDataset
from torch.utils.data.sampler import SequentialSampler, RandomSampler, BatchSampler

_COLLATE_ERROR = "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"


def _stack(tensors):
    # torch.stack(tensors, 0), spelled with the ops every build has.
    out = _torch.cat([t.unsqueeze(0) for t in tensors], 0)
    return out.long() if str(tensors[0].dtype) == "torch.int64" else out


def default_convert(data):
    return data


def default_collate(batch):
    elem = batch[0]
    if isinstance(elem, _torch.Tensor):
        return _stack(batch)
    if elem.__class__.__name__ == "ndarray":
        return _stack([_torch.from_numpy(b) for b in batch])
    if isinstance(elem, bool):
        return _torch.tensor(batch)
    if isinstance(elem, float):
        _warnings.warn("initlab has no float64 tensors: default_collate made a float32 tensor from Python floats "
                       "(PyTorch would make a float64 one)")
        return _torch.tensor(batch)
    if isinstance(elem, int):
        return _torch.tensor(batch)
    if isinstance(elem, str):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return elem.__class__(*(default_collate(list(samples)) for samples in zip(*batch)))
    if isinstance(elem, (list, tuple)):
        size = len(elem)
        if not all(len(e) == size for e in batch):
            raise RuntimeError('each element in list of batch should be of equal size')
        return [default_collate(list(samples)) for samples in zip(*batch)]
    raise TypeError(_COLLATE_ERROR.format(type(elem)))


def get_worker_info():
    return None


class _LoaderIter:
    def __init__(self, loader):
        self._loader = loader
        self._sampler_iter = None
        self._base_seed = _initlab.int64_random(loader.generator)
        self._num_yielded = 0

    def __iter__(self):
        return self

    def __len__(self):
        return len(self._loader)

    def __next__(self):
        loader = self._loader
        if self._sampler_iter is None:
            self._sampler_iter = iter(loader._index_sampler)
        index = next(self._sampler_iter)
        self._num_yielded += 1
        if loader._auto_collation:
            return loader.collate_fn([loader.dataset[i] for i in index])
        return loader.collate_fn(loader.dataset[index])


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=2, persistent_workers=False,
                 pin_memory_device=""):
        if num_workers < 0:
            raise ValueError('num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.')
        if timeout < 0:
            raise ValueError('timeout option should be non-negative')
        if num_workers == 0 and prefetch_factor != 2:
            raise ValueError('prefetch_factor option could only be specified in multiprocessing.'
                             'let num_workers > 0 to enable multiprocessing.')
        if persistent_workers and num_workers == 0:
            raise ValueError('persistent_workers option needs num_workers > 0')
        if isinstance(dataset, IterableDataset):
            raise NotImplementedError("not supported in initlab: DataLoader over an IterableDataset")
        self.dataset = dataset
        self.num_workers = num_workers
        self.prefetch_factor = prefetch_factor
        self.pin_memory = pin_memory
        self.pin_memory_device = pin_memory_device
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.multiprocessing_context = multiprocessing_context
        self.persistent_workers = persistent_workers
        if sampler is not None and shuffle:
            raise ValueError('sampler option is mutually exclusive with shuffle')
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError('batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last')
            batch_size = None
            drop_last = False
        elif batch_size is None:
            if drop_last:
                raise ValueError('batch_size=None option disables auto-batching and is mutually exclusive with drop_last')
        if sampler is None:
            sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.generator = generator
        if collate_fn is None:
            collate_fn = default_collate if batch_sampler is not None else default_convert
        self.collate_fn = collate_fn

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None

    @property
    def _index_sampler(self):
        return self.batch_sampler if self._auto_collation else self.sampler

    def __iter__(self):
        return _LoaderIter(self)

    def __len__(self):
        return len(self._index_sampler)
