# The CLI's .safetensors files, read by PyTorch (CTest cli_safetensors_pytorch, Debian's
# /usr/bin/python3 with python3-torch; exit 77, skipped, without torch):
#   cli_safetensors_pytorch.py CLI.mjs [NODE]
# Runs the CLI on a model script whose global `model` is a ModuleList of which the script calls
# only the first item (so the probed module is not `model`), with -0.0, NaN and +-Inf in a
# weight and BatchNorm's int64 counter among the buffers. Then reads the files with a reader of
# its own (the format: an 8-byte little-endian header length, a JSON header, the raw
# little-endian buffer; torch.frombuffer over it), runs the same script under PyTorch with
# torch.manual_seed(0) as the CLI does, compares every parameter's bits and every buffer, loads
# the file with load_state_dict(strict=True) and compares the output of the script's own call.
# The same run's JSON file must hold the same values (-0.0, NaN and +-Inf as its README says).
import json
import os
import struct
import subprocess
import sys
import tempfile

try:
    import torch
except ImportError:
    print('skipped: no PyTorch (python3-torch) for', sys.executable)
    sys.exit(77)

MODEL = '''import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 3), nn.BatchNorm1d(3)])

    def forward(self, x):
        return self.layers[1](self.layers[0](x))

model = nn.ModuleList([Net(), nn.Linear(3, 2)])
other = nn.Linear(2, 2)
with torch.no_grad():
    model[1].weight[0, 0] = -0.0
    model[1].weight[0, 1] = float('nan')
    model[1].weight[0, 2] = float('inf')
    model[1].weight[1, 0] = float('-inf')
    model[0].layers[0].bias[0] = -0.0
out = model[0](torch.randn(5, 4))
print(out.shape)
'''

DTYPES = {'F32': torch.float32, 'I64': torch.int64, 'BOOL': torch.bool}


def read_safetensors(path):
    """The tensors of a .safetensors file, in its header's order, checking the layout."""
    with open(path, 'rb') as f:
        raw = f.read()
    (n,) = struct.unpack('<Q', raw[:8])
    text = raw[8:8 + n].decode('utf-8')
    assert text.startswith('{'), 'the header does not start with {'
    assert (8 + n) % 8 == 0, f'the buffer starts at {8 + n}, not 8-byte aligned'
    header = json.loads(text)
    buffer = bytearray(raw[8 + n:])
    out, ranges = {}, []
    for name, info in header.items():
        if name == '__metadata__':
            assert all(isinstance(v, str) for v in info.values()), '__metadata__ holds non-strings'
            continue
        dtype = DTYPES[info['dtype']]
        size = torch.empty(0, dtype=dtype).element_size()  # torch 1.13's dtypes have no itemsize
        begin, end = info['data_offsets']
        count = 1
        for d in info['shape']:
            count *= d
        assert end - begin == count * size, f'{name}: {end - begin} bytes for {count} values'
        assert begin % size == 0, f'{name}: offset {begin} not aligned to its elements'
        ranges.append((begin, end, name))
        flat = torch.frombuffer(buffer, dtype=dtype, count=count, offset=begin) if count else torch.empty(0, dtype=dtype)
        out[name] = flat.reshape(info['shape']).clone()
    at = 0
    for begin, end, name in sorted(ranges):
        assert begin == at, f'{name}: a gap or an overlap before byte {begin} (previous end {at})'
        at = end
    assert at == len(buffer), f'{len(buffer) - at} bytes after the last tensor'
    return out


def same_bits(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype == torch.float32:
        return torch.equal(a.view(torch.int32), b.view(torch.int32))
    return torch.equal(a, b)


def ulps(a, b):
    """How many float32 steps apart a and b are, elementwise (finite values of one sign)."""
    return (a.view(torch.int32).long() - b.view(torch.int32).long()).abs()


def from_json(entry):
    special = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}
    values = [special[v] if isinstance(v, str) else v for v in entry['data']]
    dtype = {'float32': torch.float32, 'int64': torch.int64, 'bool': torch.bool}[entry['dtype']]
    return torch.tensor(values, dtype=dtype).reshape(entry['shape'])


def run_cli(cli, node, script, *args):
    r = subprocess.run([node, cli, script, *args], capture_output=True, text=True)
    assert r.returncode == 0, f'the CLI exited {r.returncode}: {r.stderr}'
    return r


def main():
    cli = sys.argv[1]
    node = sys.argv[2] if len(sys.argv) > 2 else 'node'
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, 'listmodel.py')
        with open(script, 'w') as f:
            f.write(MODEL)
        state_file = os.path.join(tmp, 'state.safetensors')
        output_file = os.path.join(tmp, 'output.safetensors')
        other_file = os.path.join(tmp, 'other.safetensors')
        json_file = os.path.join(tmp, 'state.json')
        run_cli(cli, node, script, '--state-dict', state_file, '--output', output_file)
        run_cli(cli, node, script, '--state-dict', json_file)
        run_cli(cli, node, script, '--state-dict', other_file, '--state-dict-of', 'other')
        state = read_safetensors(state_file)
        with open(json_file) as f:
            as_json = json.load(f)
        assert list(as_json) == list(state), f'JSON keys {list(as_json)} != safetensors {list(state)}'
        for name, entry in as_json.items():
            assert same_bits(from_json(entry), state[name]), f'{name}: JSON {entry["data"]} != safetensors {state[name]}'
        output = read_safetensors(output_file)
        other = read_safetensors(other_file)

        # PyTorch runs the script as the CLI did; the outermost call of a module finishes last.
        calls = []
        real_call = torch.nn.Module.__call__

        def record(self, *a, **k):
            y = real_call(self, *a, **k)
            calls.append(y)
            return y

        torch.manual_seed(0)
        torch.nn.Module.__call__ = record
        scope = {'__name__': '__main__'}
        try:
            exec(compile(MODEL, script, 'exec'), scope)
        finally:
            torch.nn.Module.__call__ = real_call
        model = scope['model']

        theirs = model.state_dict()
        assert list(state) == list(theirs), f'keys {list(state)} != PyTorch {list(theirs)}'
        # What initialization drew (and the script's -0.0, NaN, +-Inf) is bit-exact; BatchNorm's
        # running statistics are float32 sums of the forward, which may round 1 ulp apart.
        parameters = dict(model.named_parameters())
        for name, t in theirs.items():
            if name in parameters or t.dtype != torch.float32:
                assert same_bits(state[name], t), f'{name}: initlab {state[name]} != PyTorch {t} (bits)'
            else:
                assert state[name].shape == t.shape and ulps(state[name], t).max() <= 2, f'{name}: initlab {state[name]} != PyTorch {t}'
        assert list(other) == ['weight', 'bias'], f'--state-dict-of other: keys {list(other)}'
        for name, t in scope['other'].state_dict().items():
            assert same_bits(other[name], t), f'other.{name}: bits differ from PyTorch'

        fresh = torch.nn.ModuleList([scope['Net'](), torch.nn.Linear(3, 2)])
        fresh.load_state_dict(state, strict=True)
        for name, t in fresh.state_dict().items():
            assert same_bits(t, state[name]), f'{name}: load_state_dict changed the bits'

        assert list(output) == ['output'], f'output file keys {list(output)}'
        mine, want = output['output'], calls[-1].detach()
        assert mine.shape == want.shape, f'output shape {tuple(mine.shape)} != {tuple(want.shape)}'
        # The forward's float32 sums may round differently; the parameters above are bit-exact.
        worst = (mine - want).abs().max().item()
        assert worst <= 1e-6, f'output differs from PyTorch by {worst}'
    print(f'ok: {len(state)} tensors (parameters and the counter bit-exact, running statistics within 2 ulp), '
          f'loaded by load_state_dict; JSON the same values; output within {worst:.1e}')


main()
