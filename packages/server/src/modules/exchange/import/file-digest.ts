import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The SHA-256 of an imported file, in hex: the import's identity in the audit trail, so an event
 * names exactly which file was written, and the same file imported twice is seen to be the same.
 */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
