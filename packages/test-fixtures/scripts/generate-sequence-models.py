#!/usr/bin/python3
"""Writes fixtures/torch-sequence-models.json: PyTorch 1.13 float64 reference values for
Embedding + mask + bidirectional LSTM (packed sequences), dot-product attention (Keras `Attention`,
Luong) and additive attention (Keras `AdditiveAttention`, Bahdanau).

Run from the repository root with Debian's PyTorch (`apt-get install python3-torch`):
    /usr/bin/python3 packages/test-fixtures/scripts/generate-sequence-models.py
The output is deterministic (fixed seeds per case, float64, CPU).

Conventions as in fixtures/README.md: tensors are {"shape": [...], "data": [...]} row-major,
sequences [batch, time, features], gradients are of L = sum(out * dy) for the stored dy.
"""
import json
import os

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'torch-sequence-models.json')


def spec(t):
    t = t.detach().to(torch.float64).contiguous()
    return {'shape': list(t.shape), 'data': [float(v) for v in t.reshape(-1).tolist()]}


def lengths_mask(lengths, time):
    """[batch, time] float 0/1: 1 for the first lengths[b] steps (right padding)."""
    return (torch.arange(time)[None, :] < torch.tensor(lengths)[:, None]).to(torch.float64)


def embedding_bilstm():
    torch.manual_seed(0)
    vocab, dim, hidden, lengths = 7, 4, 3, [5, 3, 1]
    batch, time = len(lengths), max(lengths)
    ids = torch.randint(1, vocab, (batch, time))
    ids = ids * lengths_mask(lengths, time).long()  # right-padded with id 0
    embedding = torch.nn.Embedding(vocab, dim)  # no padding_idx: row 0 is a real, non-zero row
    lstm = torch.nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
    x = embedding(ids)
    packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
    packed_out, (h_n, c_n) = lstm(packed)
    y, _ = pad_packed_sequence(packed_out, batch_first=True, total_length=time)
    dy = torch.randn(y.shape)
    (y * dy).sum().backward()

    case = {
        'definition': (
            'x = embeddings[ids] (gather; row 0 is a real row, no padding_idx); mask = ids != 0 (right padding, '
            'lengths 5, 3, 1); y = bidirectional nn.LSTM run on pack_padded_sequence(x, lengths), unpacked with '
            'pad_packed_sequence: y[..., :H] forward, y[..., H:] backward (starts at each sequence\'s last valid '
            'step, aligned to input time), padded steps 0; zero initial states. LSTM weights in baihua\'s '
            '(Keras) layout: kernel = weight_ih^T [input, 4H], recurrentKernel = weight_hh^T [H, 4H], '
            'bias = bias_ih + bias_hh [4H], gate order i, f, g, o (PyTorch\'s and Keras\'). Final states: '
            'forward after the last valid step, backward after step 0. Gradients of L = sum(y * dy) only.'
        ),
        'ids': spec(ids),
        'lengths': lengths,
        'mask': spec(lengths_mask(lengths, time)),
        'embeddings': spec(embedding.weight),
        'y': spec(y),
        'dy': spec(dy),
        'dEmbeddings': spec(embedding.weight.grad),
    }
    for direction, suffix, index in (('forward', '', 0), ('backward', '_reverse', 1)):
        w_ih = getattr(lstm, 'weight_ih_l0' + suffix)
        w_hh = getattr(lstm, 'weight_hh_l0' + suffix)
        b_ih = getattr(lstm, 'bias_ih_l0' + suffix)
        b_hh = getattr(lstm, 'bias_hh_l0' + suffix)
        d = direction.capitalize()
        case[direction + 'Kernel'] = spec(w_ih.t())
        case[direction + 'RecurrentKernel'] = spec(w_hh.t())
        case[direction + 'Bias'] = spec(b_ih + b_hh)
        case[direction + 'Hidden'] = spec(h_n[index])
        case[direction + 'Cell'] = spec(c_n[index])
        case['d' + d + 'Kernel'] = spec(w_ih.grad.t())
        case['d' + d + 'RecurrentKernel'] = spec(w_hh.grad.t())
        assert torch.allclose(b_ih.grad, b_hh.grad)
        case['d' + d + 'Bias'] = spec(b_ih.grad)
    with torch.no_grad():  # self-check: each sequence run alone, unpadded, gives the same values
        for b, length in enumerate(lengths):
            alone, (h_alone, _) = lstm(x[b:b + 1, :length])
            assert torch.allclose(alone[0], y[b, :length]) and torch.all(y[b, length:] == 0)
            assert torch.allclose(h_alone[:, 0], h_n[:, b])
    assert torch.all(embedding.weight.grad[0] == 0)  # id 0 only at padded steps, which do not reach y
    return case


def attention(seed, kind, batch=2, tq=3, tv=4, dim=4, dv=None, use_key=False, use_scale=False,
              q_lengths=None, v_lengths=None, causal=False):
    """Keras Attention (kind 'dot') / AdditiveAttention (kind 'additive') on float64."""
    torch.manual_seed(seed)
    dv = dv or dim
    query = torch.randn(batch, tq, dim, requires_grad=True)
    value = torch.randn(batch, tv, dv, requires_grad=True)
    key = torch.randn(batch, tv, dim, requires_grad=True) if use_key else None
    k = key if use_key else value
    if kind == 'dot':
        scale = torch.tensor(0.7, requires_grad=True) if use_scale else None
        logits = query @ k.transpose(1, 2)
        if use_scale:
            logits = logits * scale
    else:
        scale = (torch.rand(dim) * 2 - 1).requires_grad_(True) if use_scale else None
        summed = torch.tanh(query[:, :, None, :] + k[:, None, :, :])
        logits = (summed * scale).sum(-1) if use_scale else summed.sum(-1)
    allowed = torch.ones(batch, tq, tv, dtype=torch.bool)
    if v_lengths is not None:
        allowed &= lengths_mask(v_lengths, tv).bool()[:, None, :]
    if causal:
        allowed &= torch.ones(tq, tv).tril().bool()[None]
    scores = torch.softmax(logits.masked_fill(~allowed, float('-inf')), dim=-1)
    out = scores @ value
    if q_lengths is not None:
        out = out * lengths_mask(q_lengths, tq)[:, :, None]
    dy = torch.randn(out.shape)
    dy_scores = torch.randn(scores.shape)
    inputs = {'query': query, 'value': value}
    if use_key:
        inputs['key'] = key
    if use_scale:
        inputs['scale'] = scale
    grads = torch.autograd.grad((out * dy).sum(), list(inputs.values()), retain_graph=True)
    grads_with_scores = torch.autograd.grad((out * dy).sum() + (scores * dy_scores).sum(), list(inputs.values()))

    formula = (
        'logits = scale * q k^T (scale a trainable scalar, only with useScale)' if kind == 'dot'
        else 'logits[b,i,j] = sum_d scale[d] * tanh(q[b,i,d] + k[b,j,d]) (scale a trainable vector [D], '
        'all ones without useScale)'
    )
    case = {
        'definition': (
            f'Keras {"Attention" if kind == "dot" else "AdditiveAttention"}: key = value unless given; {formula}; '
            'logits stored before masking; masked logits (valueMask 0, or j > i with causal) -> -inf; '
            'scores = softmax over Tv (the weights, returned by returnScores); out = scores @ value, '
            'times queryMask (rows of masked queries are 0; scores are not masked by queryMask). '
            'Gradients d*: of L = sum(out * dy); d*WithScores: of '
            'L = sum(out * dy) + sum(scores * dyScores).'
        ),
        'useScale': use_scale,
        'causal': causal,
    }
    for name, tensor in inputs.items():
        case[name] = spec(tensor)
    if v_lengths is not None:
        case['valueMask'] = spec(lengths_mask(v_lengths, tv))
    if q_lengths is not None:
        case['queryMask'] = spec(lengths_mask(q_lengths, tq))
    case.update({'logits': spec(logits), 'scores': spec(scores), 'out': spec(out), 'dy': spec(dy),
                 'dyScores': spec(dy_scores)})
    for (name, _), grad, grad_s in zip(inputs.items(), grads, grads_with_scores):
        case['d' + name] = spec(grad)
        case['d' + name + 'WithScores'] = spec(grad_s)
    return case


def main():
    data = {
        'generator': f'PyTorch {torch.__version__} (packages/test-fixtures/scripts/generate-sequence-models.py)',
        'seed': 'per case, torch.manual_seed',
        'sequenceModels': {
            'embedding_mask_bilstm': embedding_bilstm(),
            'attention_dot': attention(1, 'dot'),
            'attention_dot_scale_key': attention(2, 'dot', dv=5, use_key=True, use_scale=True),
            'attention_dot_masks': attention(3, 'dot', batch=3, tv=5, use_key=True, q_lengths=[3, 1, 2],
                                             v_lengths=[5, 2, 1]),
            'attention_dot_causal': attention(4, 'dot', tq=4, tv=4, use_scale=True, v_lengths=[4, 3], causal=True),
            'additive': attention(5, 'additive', use_scale=True),
            'additive_noscale_key': attention(6, 'additive', dv=5, use_key=True),
            'additive_masks': attention(7, 'additive', batch=3, tv=5, use_key=True, use_scale=True,
                                        q_lengths=[3, 1, 2], v_lengths=[5, 2, 1]),
            'additive_causal': attention(8, 'additive', tq=4, tv=4, use_scale=True, v_lengths=[4, 3], causal=True),
        },
    }
    with open(OUT, 'w') as f:
        json.dump(data, f)
        f.write('\n')


if __name__ == '__main__':
    main()
