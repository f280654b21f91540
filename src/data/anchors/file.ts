import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AnchorStore } from '../../domain/triage/ports';
import type { RegisterAnchor, StoredAnchor } from '../../domain/triage/register-check';
import { anchorRecord, readAnchorRecord } from './record';

/**
 * Embedded mode's anchor store: one JSON line per anchor, appended (O_APPEND) and flushed to disk. The bot never
 * rewrites the file; protecting it from others is the file system's job (a separate disk or account, or
 * `chattr +a`): anyone who can rewrite both the database and this file can forge history. Azure mode uses an
 * immutable Blob container instead (docs/register-anchors.md).
 */
export class FileAnchorStore implements AnchorStore {
  readonly location: string;

  constructor(private readonly path: string) {
    this.location = `append-only file ${path}`;
  }

  async append(anchor: RegisterAnchor): Promise<{ id: string; created: boolean }> {
    await mkdir(dirname(this.path), { recursive: true });
    const lines = (await this.read()).length;
    const file = await open(this.path, 'a');
    try {
      await file.appendFile(`${JSON.stringify(anchorRecord(anchor))}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    return { id: `line ${lines + 1}`, created: true };
  }

  async list(): Promise<{ anchors: StoredAnchor[]; unreadable: string[] }> {
    const anchors: StoredAnchor[] = [];
    const unreadable: string[] = [];
    for (const [i, line] of (await this.read()).entries()) {
      const anchor = readAnchorRecord(line);
      if (anchor) anchors.push({ ...anchor, id: `line ${i + 1}` });
      else unreadable.push(`line ${i + 1} of ${this.location} is not an anchor record: the anchor file was edited`);
    }
    return { anchors, unreadable };
  }

  async warnings(): Promise<string[]> {
    return [];
  }

  /** The file's lines (the last newline ends the last line); none when it does not exist yet. */
  private async read(): Promise<string[]> {
    const text = await readFile(this.path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  }
}
