// The drawing pad: white ink on black, drawn with a mouse, a finger or a pen (pointer events), or
// from the keyboard: the arrow keys move a cursor, Space lifts or lowers the pen (a lowered pen
// draws as it moves), Delete or Backspace clears. Every change calls `onChange`.

/** Width of the stroke in canvas pixels (the canvas is 280 x 280: 10 per MNIST pixel). */
export const strokeWidth = 22;
const keyStep = 10;

/**
 * A canvas set up for drawing; `clear()`, `drawImage()`, `ink()` (RGBA) for the model. `onChange`
 * runs after every stroke segment, clear and image (never from the constructor).
 * @example
 * const pad = new DrawPad(canvas, cursorMark, () => predictAgain());
 * In plain words: a blackboard that tells you whenever someone writes on it.
 */
export class DrawPad {
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | undefined;
  private cursor = { x: 140, y: 140 };
  private penDown = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly cursorMark: HTMLElement,
    private readonly onChange: () => void,
  ) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('DrawPad: this browser gives no 2D canvas context');
    this.context = context;
    this.paintBlack(); // not clear(): onChange must not run before the constructor returns
    canvas.addEventListener('pointerdown', (event) => {
      canvas.setPointerCapture(event.pointerId);
      this.last = this.toCanvas(event);
      this.dot(this.last);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!this.last) return;
      const next = this.toCanvas(event);
      this.line(this.last, next);
      this.last = next;
    });
    const lift = () => {
      this.last = undefined;
    };
    canvas.addEventListener('pointerup', lift);
    canvas.addEventListener('pointercancel', lift);
    canvas.addEventListener('keydown', (event) => this.key(event));
    // The keyboard cursor shows on keyboard focus only, not when a click or touch focuses the pad.
    canvas.addEventListener('focus', () => {
      if (canvas.matches(':focus-visible')) this.showCursor();
    });
    canvas.addEventListener('blur', () => {
      this.cursorMark.hidden = true;
    });
  }

  /** Paints the canvas black. */
  clear(): void {
    this.paintBlack();
    this.onChange();
  }

  private paintBlack(): void {
    this.context.fillStyle = 'black';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Shows a 28x28 greyscale digit (values in [0, 1]) scaled up to fill the canvas. */
  drawImage(values: Float32Array, side = 28): void {
    const cell = this.canvas.width / side;
    this.paintBlack();
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const v = Math.round(255 * (values[y * side + x] as number));
        if (v === 0) continue;
        this.context.fillStyle = `rgb(${v},${v},${v})`;
        this.context.fillRect(x * cell, y * cell, cell, cell);
      }
    this.onChange();
  }

  /** The canvas pixels (RGBA). */
  ink(): { rgba: Uint8ClampedArray; width: number; height: number } {
    const { width, height } = this.canvas;
    return { rgba: this.context.getImageData(0, 0, width, height).data, width, height };
  }

  private toCanvas(event: PointerEvent): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * this.canvas.width) / box.width,
      y: ((event.clientY - box.top) * this.canvas.height) / box.height,
    };
  }

  private dot(at: { x: number; y: number }): void {
    this.context.fillStyle = 'white';
    this.context.beginPath();
    this.context.arc(at.x, at.y, strokeWidth / 2, 0, 2 * Math.PI);
    this.context.fill();
    this.onChange();
  }

  private line(from: { x: number; y: number }, to: { x: number; y: number }): void {
    Object.assign(this.context, { strokeStyle: 'white', lineWidth: strokeWidth, lineCap: 'round', lineJoin: 'round' });
    this.context.beginPath();
    this.context.moveTo(from.x, from.y);
    this.context.lineTo(to.x, to.y);
    this.context.stroke();
    this.onChange();
  }

  private key(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-keyStep, 0],
      ArrowRight: [keyStep, 0],
      ArrowUp: [0, -keyStep],
      ArrowDown: [0, keyStep],
    };
    const move = moves[event.key];
    if (move) {
      const from = { ...this.cursor };
      this.cursor.x = Math.min(this.canvas.width, Math.max(0, this.cursor.x + move[0]));
      this.cursor.y = Math.min(this.canvas.height, Math.max(0, this.cursor.y + move[1]));
      if (this.penDown) this.line(from, this.cursor);
    } else if (event.key === ' ') {
      this.penDown = !this.penDown;
      if (this.penDown) this.dot(this.cursor);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      this.clear();
    } else return;
    event.preventDefault();
    this.showCursor();
  }

  private showCursor(): void {
    const box = this.canvas.getBoundingClientRect();
    const scale = box.width / this.canvas.width;
    this.cursorMark.hidden = false;
    this.cursorMark.style.left = `${this.cursor.x * scale}px`;
    this.cursorMark.style.top = `${this.cursor.y * scale}px`;
    this.cursorMark.classList.toggle('pen-down', this.penDown);
  }
}
