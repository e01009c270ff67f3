#!/usr/bin/python3
"""Writes fixtures/torch-volume-ops.json, section `volumeOps`: PyTorch 1.13 float64 reference values
for conv3dTranspose (TensorFlow's 'valid' and 'same'), maxPool3d / avgPool3d with TensorFlow's 'same'
padding on odd sizes, and maxPool3d with tied maxima.

Run from the repository root with Debian's PyTorch (`apt-get install python3-torch`):
    /usr/bin/python3 packages/test-fixtures/scripts/generate-volume-ops.py
The output is deterministic (fixed seeds per case, float64, CPU).

Conventions as in fixtures/README.md: tensors are {"shape": [...], "data": [...]} row-major, volumes
NDHWC [batch, depth, height, width, channels], gradients are of L = sum(out * dy) for the stored dy.
"""
import json
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'torch-volume-ops.json')

TRANSPOSE_DEFINITION = (
    'conv3dTranspose, TensorFlow\'s (tf.nn.conv3d_transpose): the adjoint of conv3d with respect to its input. '
    'x NDHWC [N, D, H, W, Cin], w [kd, kh, kw, Cout, Cin] (out channels before in channels), bias [Cout]. '
    'z = conv_transpose3d without padding, size (n - 1) s + k per axis: z[j] = sum_{o s + t = j} w[t] x[o]; '
    'valid: y = z + bias; same: y = z[p0 : p0 + n s] + bias with p0 = floor(max(k - s, 0) / 2) '
    '(the padding TensorFlow\'s same conv3d would use on an input of size n s; every case has k >= s)'
)
POOL_DEFINITION = (
    'NDHWC; padding same follows TensorFlow: output ceil(n / s), total padding max((out - 1) s + p - n, 0), '
    'floor of half before, the rest after; max ignores the padding (pads -inf), avg divides by the number of '
    'voxels of the window inside the input. Gradients of L = sum(y * dy); a tied maximum sends its gradient to '
    'the first maximum of its window in depth-row-column order (PyTorch\'s CPU rule), overlapping windows add up'
)


def spec(t):
    t = t.detach().to(torch.float64).contiguous()
    return {'shape': list(t.shape), 'data': [float(v) for v in t.reshape(-1).tolist()]}


def to_torch(volume):
    """NDHWC -> NCDHW."""
    return volume.permute(0, 4, 1, 2, 3)


def to_tf(volume):
    """NCDHW -> NDHWC."""
    return volume.permute(0, 2, 3, 4, 1)


def conv3d_transpose(name, x_shape, kernel, c_out, stride, mode, seed):
    torch.manual_seed(seed)
    c_in = x_shape[4]
    x = torch.randn(x_shape, requires_grad=True)
    w = torch.randn(list(kernel) + [c_out, c_in], requires_grad=True)
    b = torch.randn(c_out, requires_grad=True)
    z = F.conv_transpose3d(to_torch(x), w.permute(4, 3, 0, 1, 2), stride=stride)
    if mode == 'same':
        starts = [max(k - stride, 0) // 2 for k in kernel]
        sizes = [n * stride for n in x_shape[1:4]]
        z = z[:, :, starts[0]:starts[0] + sizes[0], starts[1]:starts[1] + sizes[1], starts[2]:starts[2] + sizes[2]]
    y = to_tf(z) + b
    dy = torch.randn(y.shape)
    (y * dy).sum().backward()
    return name, {
        'definition': TRANSPOSE_DEFINITION,
        'mode': mode,
        'stride': stride,
        'x': spec(x),
        'w': spec(w),
        'b': spec(b),
        'y': spec(y),
        'dy': spec(dy),
        'dx': spec(x.grad),
        'dw': spec(w.grad),
        'db': spec(b.grad),
    }


def same_pads(sizes, pool, stride):
    """TensorFlow's same padding per axis as (before, after)."""
    pads = []
    for n, p in zip(sizes, pool):
        out = -(-n // stride)
        total = max((out - 1) * stride + p - n, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def pool3d(name, kind, x, pool, stride, mode, seed):
    torch.manual_seed(seed)
    x = x.clone().requires_grad_(True)
    volume = to_torch(x)
    pads = same_pads(x.shape[1:4], pool, stride) if mode == 'same' else [(0, 0)] * 3
    # F.pad lists the last axis first: (w0, w1, h0, h1, d0, d1).
    flat = [v for pair in reversed(pads) for v in pair]
    if kind == 'max':
        out = F.max_pool3d(F.pad(volume, flat, value=float('-inf')), pool, stride)
    else:
        total = F.avg_pool3d(F.pad(volume, flat), pool, stride)
        count = F.avg_pool3d(F.pad(torch.ones_like(volume), flat), pool, stride)
        out = total / count
    y = to_tf(out)
    dy = torch.randn(y.shape)
    (y * dy).sum().backward()
    return name, {
        'definition': POOL_DEFINITION,
        'poolSize': list(pool),
        'stride': stride,
        'padding': mode,
        'x': spec(x),
        'y': spec(y),
        'dy': spec(dy),
        'dx': spec(x.grad),
    }


def main():
    torch.manual_seed(100)
    odd = torch.randn(2, 5, 7, 3, 2)
    torch.manual_seed(101)
    ties = torch.randint(-2, 1, (1, 4, 4, 4, 2)).to(torch.float64)
    cases = [
        conv3d_transpose('conv3dTranspose_valid_s1', [1, 3, 2, 3, 2], (2, 3, 2), 3, 1, 'valid', 1),
        conv3d_transpose('conv3dTranspose_valid_s2', [2, 2, 3, 2, 2], (3, 2, 2), 2, 2, 'valid', 2),
        conv3d_transpose('conv3dTranspose_same_s2', [1, 3, 2, 2, 3], (3, 3, 2), 2, 2, 'same', 3),
        pool3d('maxPool3d_same_2x3x2_s2', 'max', odd, (2, 3, 2), 2, 'same', 4),
        pool3d('avgPool3d_same_2x3x2_s2', 'avg', odd, (2, 3, 2), 2, 'same', 5),
        pool3d('maxPool3d_ties_2_s2', 'max', ties, (2, 2, 2), 2, 'valid', 6),
        pool3d('maxPool3d_ties_2_s1', 'max', ties, (2, 2, 2), 1, 'valid', 7),
    ]
    data = {
        'generator': 'scripts/generate-volume-ops.py, PyTorch ' + torch.__version__ + ', float64',
        'volumeOps': dict(cases),
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
