// The live training chart: the loss of every batch (a line with a point per batch) and the
// accuracy of every epoch on the training and the held-out digits, drawn as SVG so it scales to any
// width; beside it a table of the epoch figures, which screen readers read instead of the picture.
const svgNs = 'http://www.w3.org/2000/svg';
const [width, height, left, right, top, bottom] = [640, 260, 44, 44, 14, 30];

/** One epoch's figures as fit reports them. */
export interface EpochRow {
  epoch: number;
  loss: number;
  accuracy: number;
  valAccuracy: number;
  seconds: number;
}

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * A chart in `figure` and a table in `table`; `reset()` for a new run, then add points as they come.
 * The figure carries data-loss-points and data-epochs (the counts drawn).
 * @example
 * chart.reset(16);
 * chart.addBatch(2.3);
 * chart.addEpoch({ epoch: 1, loss: 2.1, accuracy: 0.3, valAccuracy: 0.4, seconds: 1 });
 * In plain words: watch the error go down while the network learns.
 */
export class TrainingChart {
  private losses: number[] = [];
  private epochs: EpochRow[] = [];
  private batchesPerEpoch = 1;
  private readonly svg: SVGSVGElement;

  constructor(
    private readonly figure: HTMLElement,
    private readonly table: HTMLTableSectionElement,
  ) {
    this.svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' }) as SVGSVGElement;
    this.svg.setAttribute('aria-label', 'Training loss per batch and accuracy per epoch');
    figure.prepend(this.svg);
    this.draw();
  }

  /** Clears the chart for a run of `batchesPerEpoch` batches per epoch. */
  reset(batchesPerEpoch: number): void {
    this.losses = [];
    this.epochs = [];
    this.batchesPerEpoch = batchesPerEpoch;
    this.table.replaceChildren();
    this.draw();
  }

  addBatch(loss: number): void {
    this.losses.push(loss);
    this.draw();
  }

  addEpoch(row: EpochRow): void {
    this.epochs.push(row);
    const cells = [row.epoch, row.loss.toFixed(4), pct(row.accuracy), pct(row.valAccuracy), row.seconds.toFixed(1)];
    const tr = document.createElement('tr');
    for (const cell of cells) tr.append(Object.assign(document.createElement('td'), { textContent: String(cell) }));
    this.table.append(tr);
    this.draw();
  }

  private draw(): void {
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const steps = Math.max(this.losses.length, this.epochs.length * this.batchesPerEpoch, 1);
    const maxLoss = Math.max(0.5, ...this.losses.filter(Number.isFinite));
    const x = (step: number) => left + (plotWidth * step) / steps;
    const yLoss = (loss: number) => top + plotHeight * (1 - Math.min(loss, maxLoss) / maxLoss);
    const yAccuracy = (accuracy: number) => top + plotHeight * (1 - accuracy);
    const parts: SVGElement[] = [
      svgElement('rect', { x: left, y: top, width: plotWidth, height: plotHeight, fill: 'white', stroke: '#d5dbe3' }),
      label(4, top + 10, `loss ${maxLoss.toFixed(2)}`, '#0b5fae'),
      label(4, top + plotHeight, '0', '#0b5fae'),
      label(width - right + 4, top + 10, '100%', '#b4570a'),
      label(width - right + 4, top + plotHeight, '0%', '#b4570a'),
      label(left, height - 8, `batches (${this.losses.length})`, '#56606d'),
    ];
    if (this.losses.length > 0) {
      const points = this.losses.map((loss, i) => `${x(i + 1).toFixed(1)},${yLoss(loss).toFixed(1)}`);
      parts.push(
        svgElement('polyline', { points: points.join(' '), fill: 'none', stroke: '#0b5fae', 'stroke-width': 2 }),
      );
      for (const [i, loss] of this.losses.entries())
        parts.push(svgElement('circle', { class: 'loss-point', cx: x(i + 1), cy: yLoss(loss), r: 2, fill: '#0b5fae' }));
    }
    for (const row of this.epochs) {
      const cx = x(row.epoch * this.batchesPerEpoch);
      parts.push(
        svgElement('circle', { class: 'accuracy-point', cx, cy: yAccuracy(row.valAccuracy), r: 5, fill: '#b4570a' }),
      );
      parts.push(svgElement('circle', { cx, cy: yAccuracy(row.accuracy), r: 4, fill: 'none', stroke: '#b4570a' }));
    }
    this.svg.replaceChildren(...parts);
    this.figure.dataset.lossPoints = String(this.losses.length);
    this.figure.dataset.epochs = String(this.epochs.length);
  }
}

function pct(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

function label(x: number, y: number, text: string, fill: string): SVGElement {
  const node = svgElement('text', { x, y, fill, 'font-size': 11 });
  node.textContent = text;
  return node;
}
