/**
 * A checked draft as the reader sees it: the submitted text cut at each figure, so each figure can
 * be highlighted where it stands (the server gives start/end in the submitted text). HTML (and
 * HTML inside Markdown) loses its tags and keep their paragraphs as line breaks; figures never lie inside a tag.
 */
export type Piece = { text: string } | { text: string; figure: number };

const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|blockquote|section|article)\s*>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function draftPieces(text: string, figures: { start: number; end: number }[], format: 'text' | 'markdown' | 'html'): Piece[] {
  const order = figures.map((f, i) => ({ ...f, i })).sort((a, b) => a.start - b.start);
  // Markdown may carry HTML too, as the press office's posts do.
  const plain = (s: string) => (format === 'text' ? s : stripHtml(s));
  const pieces: Piece[] = [];
  let at = 0;
  for (const f of order) {
    if (f.start < at) continue; // overlapping figures: the first one stands
    if (f.start > at) pieces.push({ text: plain(text.slice(at, f.start)) });
    pieces.push({ text: text.slice(f.start, f.end), figure: f.i });
    at = f.end;
  }
  if (at < text.length) pieces.push({ text: plain(text.slice(at)) });
  return pieces;
}

function stripHtml(s: string): string {
  return s
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\n{3,}/g, '\n\n');
}
