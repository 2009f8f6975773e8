# torch.utils.hooks.RemovableHandle as PyTorch 1.13 defines it: the handle register_*_hook
# returns; remove() takes the hook out of its module's dict (also on leaving a `with` block).


class RemovableHandle:
    next_id = 0

    def __init__(self, hooks_dict):
        self.hooks_dict_ref = hooks_dict
        self.id = RemovableHandle.next_id
        RemovableHandle.next_id += 1

    def remove(self):
        hooks_dict = self.hooks_dict_ref
        if hooks_dict is not None and self.id in hooks_dict:
            del hooks_dict[self.id]

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.remove()
