/**
 * Shared by the benchmark scripts (`npm run bench`): each one owns a `## <heading>` section of
 * docs/benchmarks.md and rewrites only that section, leaving the other benchmarks' sections as they are.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const BENCHMARKS_FILE = join(__dirname, '..', 'docs', 'benchmarks.md');

const INTRO = `# Benchmarks

Measured with \`npm run bench\`, which runs every benchmark script in turn (\`npm run bench:kql\`, \`bench:turns\`,
\`bench:notify\`; each one can also be run alone). Each script rewrites only its own section below, with the date
and the machine it ran on. Ratios compare against baselines (hand-written code computing the same result)
measured in the same run on the same machine, so they are comparable across machines; absolute times are not.
`;

/**
 * Replaces the body of `## <heading>` in docs/benchmarks.md (up to the next `## ` heading) with `markdown`,
 * or appends the section when it is not there yet. Creates the file, with its intro, when it is missing.
 * `## ` lines inside fenced code blocks are not headings.
 */
export function writeBenchmarkSection(heading: string, markdown: string, file: string = BENCHMARKS_FILE): void {
  const title = `## ${heading.trim()}`;
  const section = `${title}\n\n${markdown.trim()}\n`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : INTRO;
  const lines = text.split('\n');
  const headings: number[] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.startsWith('## ')) headings.push(i);
  });
  const start = headings.find((i) => lines[i]!.trimEnd() === title);
  let out: string;
  if (start === undefined) {
    out = `${text.trimEnd()}\n\n${section}`;
  } else {
    const end = headings.find((i) => i > start) ?? lines.length;
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = lines.slice(end).join('\n').trim();
    out = `${before ? `${before}\n\n` : ''}${section}${after ? `\n${after}\n` : ''}`;
  }
  // Write then rename: a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, file);
}

/** "Intel(R) Xeon(R) …, 2 cores, 24 GiB RAM, Node v20.x": the line every section starts with. */
export function machineDescription(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  return `${model}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

/** A Markdown table; `align` gives each column's alignment ('r' for numbers), left by default. */
export function markdownTable(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (align[i] === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
