import { gunzipSync } from 'node:zlib';

/**
 * Reads the regular files of a gzipped tar archive (POSIX ustar with pax extended headers, as
 * GitHub's repository archives are) and passes those whose path `want` accepts to `onFile`.
 */
export function readTarGz(
  archive: Buffer,
  want: (path: string) => boolean,
  onFile: (path: string, data: Buffer) => void,
): void {
  const tar = gunzipSync(archive);
  let offset = 0;
  let paxPath: string | null = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end === -1 ? length : end).toString('utf8');
    };
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? null;
      continue;
    }
    const path = paxPath ?? name;
    paxPath = null;
    if (type === '0' && want(path)) onFile(path, body);
  }
}
