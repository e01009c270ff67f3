import { nodeModules } from './speak-corpus.js';
import type { CorpusEntry, SpeechCorpus } from './speak-corpus.js';
import { type DecodedAudio, readWav } from './read-wav.js';

/**
 * Reads one corpus utterance back: 16 kHz mono audio (readWav of `corpus.directory/entry.file`). Node only.
 *
 * @example
 * const audio = corpus.train.map((entry) => readCorpusAudio(corpus, entry));
 *
 * In plain words: play back one of the synthesised recordings.
 */
export function readCorpusAudio(
  corpus: Pick<SpeechCorpus, 'directory'>,
  entry: Pick<CorpusEntry, 'file'>,
): DecodedAudio {
  const { fs, path } = nodeModules();
  return readWav(new Uint8Array(fs.readFileSync(path.join(corpus.directory, entry.file))));
}
