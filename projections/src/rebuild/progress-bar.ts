/** A one-line progress bar for a terminal on stderr (stdout stays clean for scripts). */
export function progressBar(label: string, total: number | null, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDraw = 0;
  const draw = (done: number, force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const rate = Math.round(done / Math.max((now - started) / 1000, 0.001));
    let line: string;
    if (total && total > 0) {
      const ratio = Math.min(done / total, 1);
      const width = 30;
      const filled = Math.round(ratio * width);
      line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}% ${done}/${total} events, ${rate} events/s`;
    } else {
      line = `${label} ${done} events, ${rate} events/s`;
    }
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
  };
  return {
    update: (done: number) => draw(done, false),
    finish: (done: number) => {
      draw(done, true);
      if (stream.isTTY) stream.write('\n');
    },
  };
}
