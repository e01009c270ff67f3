#!/usr/bin/python3
"""Writes fixtures/torchaudio-kaldi.json, section `kaldiFeatures`: torchaudio 0.13's Kaldi-compatible
features (torchaudio.compliance.kaldi.fbank / .mfcc, float64) on odd lengths, a signal shorter than two
frames, full silence, the energy options and non-default frame, mel and cepstral options; the mel
filterbank matrix (get_mel_banks), a framed real DFT, delta features and a gradient of mfcc.

Run from the repository root with Debian's packages (`apt-get install python3-torch python3-torchaudio`):
    /usr/bin/python3 packages/test-fixtures/scripts/generate-kaldi-features.py
The output is deterministic (fixed seeds per case, float64, CPU, dither 0).

Conventions as in fixtures/README.md: tensors are {"shape": [...], "data": [...]} row-major; signals are
int16-scale sample values (Kaldi's convention); gradients are of L = sum(out * dy) for the stored dy.
"""
import json
import math
import os

import torch
import torchaudio
import torchaudio.compliance.kaldi as kaldi

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'torchaudio-kaldi.json')


def spec(t):
    t = t.detach().to(torch.float64).contiguous()
    return {'shape': list(t.shape), 'data': [float(v) for v in t.reshape(-1).tolist()]}


def speechlike(n, seed, rate=16000.0, dc=0.0):
    """Integer samples (as int16 audio holds them): two tones with a rising amplitude, plus noise."""
    torch.manual_seed(seed)
    t = torch.arange(n) / rate
    envelope = 0.3 + 0.7 * t / max(t[-1].item(), 1e-9)
    x = 6000 * envelope * torch.sin(2 * math.pi * 440 * t) + 2500 * torch.sin(2 * math.pi * 1250 * t + 0.3)
    x = x + 400 * torch.randn(n) + dc
    return torch.round(x).clamp(-32768, 32767)


# Options in both spellings: torchaudio's keyword -> baihua's option name (the fbank/mfcc options).
NAMES = {
    'sample_frequency': 'sampleRate', 'frame_length': 'frameLength', 'frame_shift': 'frameShift',
    'snip_edges': 'snipEdges', 'remove_dc_offset': 'removeDcOffset',
    'preemphasis_coefficient': 'preemphasis', 'window_type': 'window',
    'round_to_power_of_two': 'roundToPowerOfTwo', 'num_mel_bins': 'numMelBins', 'low_freq': 'lowFreq',
    'high_freq': 'highFreq', 'use_energy': 'useEnergy', 'raw_energy': 'rawEnergy',
    'energy_floor': 'energyFloor', 'num_ceps': 'numCeps', 'cepstral_lifter': 'cepstralLifter',
}
WINDOWS = {'hanning': 'hann'}


def features_case(signal, description, **options):
    """fbank and mfcc with the given torchaudio options (everything else default, dither 0)."""
    waveform = signal.unsqueeze(0)
    fbank_options = {k: v for k, v in options.items() if k not in ('num_ceps', 'cepstral_lifter')}
    fbank = kaldi.fbank(waveform, dither=0.0, **fbank_options)
    mfcc = kaldi.mfcc(waveform, dither=0.0, **options)
    ours = {NAMES[k]: (WINDOWS.get(v, v) if k == 'window_type' else v) for k, v in options.items()}
    return {
        'signal': spec(signal),
        'options': ours,
        'fbank': spec(fbank),
        'mfcc': spec(mfcc),
        'definition': f'torchaudio.compliance.kaldi.fbank / .mfcc, dither 0, options {options} '
        f'(torchaudio names; `options` holds the same in baihua names): {description}',
    }


def mel_banks_case(num_bins, fft_length, rate, low, high):
    banks, _ = kaldi.get_mel_banks(num_bins, fft_length, rate, low, high, 100.0, -500.0, 1.0)
    banks = torch.nn.functional.pad(banks, (0, 1))  # the Nyquist bin gets weight 0, as fbank pads it
    return {
        'options': {'numMelBins': num_bins, 'fftLength': fft_length, 'sampleRate': rate,
                    'lowFreq': low, 'highFreq': high},
        'weights': spec(banks.T),
        'definition': 'torchaudio.compliance.kaldi.get_mel_banks, the Nyquist column padded with 0 as fbank does, '
        'transposed to [fftLength / 2 + 1, numMelBins]: triangles in Kaldi mel (1127 ln(1 + f / 700))',
    }


def stft_case(seed):
    torch.manual_seed(seed)
    signal = torch.randn(1000)
    window = torch.hann_window(400, periodic=False)
    frames = signal.unfold(0, 400, 160) * window  # snip edges: 1 + (1000 - 400) // 160 = 4 frames
    spectrum = torch.fft.rfft(frames, n=512)  # the frame at the start, zeros after it (Kaldi's padding)
    return {
        'signal': spec(signal),
        'options': {'frameLength': 400, 'frameStep': 160, 'fftLength': 512, 'window': 'hann'},
        'real': spec(spectrum.real),
        'imag': spec(spectrum.imag),
        'power': spec(spectrum.abs() ** 2),
        'definition': 'frames of 400 samples every 160 (only whole frames), times the symmetric Hann window '
        '(torch.hann_window periodic=False), zero-padded at the end to 512, torch.fft.rfft: real, imag, |.|^2',
    }


def kaldi_delta_scales(order, window):
    """Kaldi's DeltaFeatures windows: order 0 is [1]; each order convolves the previous with j / sum j^2."""
    scales = [torch.tensor([1.0])]
    normalizer = sum(j * j for j in range(-window, window + 1))
    for _ in range(order):
        previous = scales[-1]
        current = torch.zeros(previous.numel() + 2 * window)
        for j in range(-window, window + 1):
            current[j + window: j + window + previous.numel()] += j * previous
        scales.append(current / normalizer)
    return scales


def kaldi_deltas(features, order, window=2):
    """Kaldi's add-deltas (DeltaFeatures::Process): frame indices clamped at the edges for every tap."""
    scales = kaldi_delta_scales(order, window)[order]
    reach = (scales.numel() - 1) // 2
    frames = features.shape[0]
    out = torch.zeros_like(features)
    for t in range(frames):
        for j in range(-reach, reach + 1):
            out[t] += scales[j + reach] * features[min(max(t + j, 0), frames - 1)]
    return out


def deltas_case(frames, seed):
    torch.manual_seed(seed)
    features = torch.randn(frames, 3)
    delta = torchaudio.functional.compute_deltas(features.T.unsqueeze(0), win_length=5)[0].T
    assert torch.allclose(delta, kaldi_deltas(features, 1))
    return {
        'features': spec(features),
        'delta': spec(delta),
        'deltaDelta': spec(kaldi_deltas(features, 2)),
        'definition': '[frames, dims] features; delta = torchaudio.functional.compute_deltas(win_length=5) '
        '(sum_n n (c[t+n] - c[t-n]) / 10, n = 1..2, edges replicated), equal to Kaldi add-deltas order 1; '
        'deltaDelta = Kaldi add-deltas order 2: the order-1 window convolved with itself (9 taps) applied to '
        'the features with frame indices clamped at the edges (not deltas of deltas)',
    }


def gradient_case(seed):
    torch.manual_seed(seed)
    signal = (3000 * torch.randn(720)).requires_grad_()  # 3 frames
    mfcc = kaldi.mfcc(signal.unsqueeze(0), dither=0.0)
    dy = torch.randn(mfcc.shape)
    (mfcc * dy).sum().backward()
    return {
        'signal': spec(signal),
        'mfcc': spec(mfcc),
        'dy': spec(dy),
        'dsignal': spec(signal.grad),
        'definition': 'kaldi.mfcc with defaults (dither 0) of a 720-sample signal (3 frames); dsignal = gradient '
        'of sum(mfcc * dy) with respect to the signal (float64 autograd)',
    }


def main():
    quiet = speechlike(2400, 5)
    quiet[800:1600] = torch.round(torch.randn(800) * 0.02 * 100) / 100  # energy per frame well below 1
    cases = {
        'odd_length': features_case(speechlike(4801, 1), 'an odd number of samples, defaults'),
        'one_frame': features_case(speechlike(523, 2), 'shorter than two frames (one frame), defaults'),
        'silence': features_case(torch.zeros(1200), 'exact silence: every log takes the float epsilon floor'),
        'silence_energy': features_case(
            torch.zeros(1200), 'exact silence with use_energy: the energy floor (log 1 = 0)', use_energy=True),
        'custom_mel': features_case(
            speechlike(3999, 3), 'more mel bins and cepstra, 20 ms frames every 12.5 ms, a band limit',
            num_mel_bins=40, num_ceps=20, frame_length=20.0, frame_shift=12.5, low_freq=64.0, high_freq=7000.0,
            cepstral_lifter=15.0, window_type='blackman'),
        'custom_energy': features_case(
            speechlike(2001, 4, rate=8000.0, dc=500.0), '8 kHz, energy of the windowed frame, no floor, no DC '
            'removal, hamming, pre-emphasis 0.5, high freq 400 Hz below Nyquist',
            sample_frequency=8000.0, use_energy=True, raw_energy=False, energy_floor=0.0,
            remove_dc_offset=False, window_type='hamming', preemphasis_coefficient=0.5, high_freq=-400.0,
            num_mel_bins=15, num_ceps=10),
        'raw_energy_floor': features_case(
            quiet, 'use_energy with the raw energy (before pre-emphasis) and its floor 1 (a near-silent middle)',
            use_energy=True, energy_floor=1.0),
        'no_snip_edges': features_case(
            speechlike(1001, 6), 'snip_edges false (frames reflect the signal at its ends), FFT of exactly the '
            'frame (400, not rounded up), symmetric Hann window, no lifter',
            snip_edges=False, round_to_power_of_two=False, window_type='hanning', cepstral_lifter=0.0),
    }
    data = {
        'kaldiFeatures': {
            **cases,
            'melBanks_default': mel_banks_case(23, 512, 16000.0, 20.0, 0.0),
            'melBanks_custom': mel_banks_case(40, 400, 8000.0, 64.0, -400.0),
            'stft_hann': stft_case(7),
            'deltas_7': deltas_case(7, 8),
            'deltas_3': deltas_case(3, 9),
            'mfcc_gradient': gradient_case(10),
        }
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
