// @baihua/apps/speech: speech features (the seed's 语音识别: MFCC = DCT(log |FFT|^2 on mel bands)) as
// differentiable tensor ops on every backend, Kaldi-compatible by default, and the audio IO they need.
export {};
