# torch.backends.cuda without CUDA: not built; the matmul flags keep PyTorch 1.13's defaults.


class _MatmulFlags:
    def __init__(self):
        self.allow_tf32 = False
        self.allow_fp16_reduced_precision_reduction = True


matmul = _MatmulFlags()


def is_built():
    return False
