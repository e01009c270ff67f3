// The ten class probabilities as labelled bars, and the verdict line above them.

/**
 * Fills `list` with ten rows (digit, bar, percentage); `show()` updates them, `blank()` empties them.
 * Each row carries data-probability; the verdict carries data-digit.
 * @example new ProbabilityList(list, verdict).show(await tf.softmax(logits).data());
 * In plain words: ten bars, the longest one is the model's guess.
 */
export class ProbabilityList {
  private readonly rows: { item: HTMLLIElement; bar: HTMLElement; value: HTMLElement }[] = [];

  constructor(
    list: HTMLOListElement,
    private readonly verdict: HTMLElement,
  ) {
    for (let digit = 0; digit < 10; digit++) {
      const bar = Object.assign(document.createElement('span'), { className: 'bar' });
      const value = document.createElement('span');
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('span'), { textContent: String(digit) }), bar, value);
      list.append(item);
      this.rows.push({ item, bar, value });
    }
    this.blank('Draw a digit.');
  }

  /** Shows `probabilities` (10 values summing to 1) and names the most likely digit. */
  show(probabilities: ArrayLike<number>): void {
    let best = 0;
    for (let d = 1; d < 10; d++) if ((probabilities[d] as number) > (probabilities[best] as number)) best = d;
    for (const [digit, row] of this.rows.entries()) {
      const p = probabilities[digit] as number;
      row.bar.style.width = `${(100 * p).toFixed(1)}%`;
      row.value.textContent = `${(100 * p).toFixed(1)}%`;
      row.item.dataset.probability = String(p);
      row.item.classList.toggle('top', digit === best);
      row.item.setAttribute('aria-label', `${digit}: ${(100 * p).toFixed(1)} percent`);
    }
    this.verdict.textContent = `Looks like a ${best} (${(100 * (probabilities[best] as number)).toFixed(1)}%).`;
    this.verdict.dataset.digit = String(best);
  }

  /** Empties the bars and says `message`. */
  blank(message: string): void {
    for (const row of this.rows) {
      row.bar.style.width = '0';
      row.value.textContent = '';
      delete row.item.dataset.probability;
      row.item.classList.remove('top');
      row.item.removeAttribute('aria-label');
    }
    this.verdict.textContent = message;
    delete this.verdict.dataset.digit;
  }
}
