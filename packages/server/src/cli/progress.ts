/**
 * Progress for long commands: a bar redrawn in place on a terminal, plain lines (one per tenth)
 * when the output is a file or a pipe, so logs stay readable.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = !!stream.isTTY;
  let lastStep = -1;
  let lastPhase = '';
  const labels: Record<string, string> = { reading: '读取 reading', checking: '校验 checking', writing: '写入 writing', done: '完成 done' };
  return {
    update({ phase, percent, rows }: { phase: string; percent: number; rows: number }) {
      const label = labels[phase] ?? phase;
      if (tty) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${label}  ${rows.toLocaleString('en-US')} rows `);
        if (phase === 'done') stream.write('\n');
        return;
      }
      const step = Math.floor(percent / 10);
      if (step === lastStep && phase === lastPhase) return;
      lastStep = step;
      lastPhase = phase;
      stream.write(`${label} ${percent}% (${rows} rows)\n`);
    },
  };
}
