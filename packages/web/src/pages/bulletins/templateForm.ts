import type { FigureFormat, TemplateBody } from '@guatu/core';
import type { Template } from '../../api/bulletins';
import { ApiError } from '../../api/client';

/** The template editor's form: the body with its figures as a list, each filter as JSON text. */
export interface TemplateFormValues {
  name: string;
  description?: string | null;
  title: string;
  categories: string[];
  tags: string[];
  needs: TemplateBody['needs'];
  paragraphs: { heading: boolean; text: string }[];
  figures: { key: string; label: string; subject?: 'projects' | 'enterprises' | 'groups'; measure: string; format: FigureFormat; filter: string }[];
}

export function toForm(t: Template): TemplateFormValues {
  const b = t.body;
  const text = [b.title, ...b.paragraphs.map((p) => p.text)].join('\n');
  const firstUse = (key: string) => {
    const at = text.indexOf(`{{${key}}}`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return {
    name: t.name,
    description: t.description,
    title: b.title,
    categories: b.categories,
    tags: b.tags,
    needs: b.needs,
    paragraphs: b.paragraphs.map((p) => ({ heading: p.heading, text: p.text })),
    // In the order the text uses them (the database keeps an object's keys in its own order).
    figures: Object.entries(b.figures)
      .sort(([a], [b2]) => firstUse(a) - firstUse(b2))
      .map(([key, f]) => ({ key, label: f.label, subject: f.subject, measure: f.measure, format: f.format, filter: JSON.stringify(f.filter) })),
  };
}

/** Throws on a filter that is not a JSON object, naming the figure's field. */
export function toBody(v: TemplateFormValues): TemplateBody {
  const figures: TemplateBody['figures'] = {};
  v.figures.forEach((f, i) => {
    let filter: unknown;
    try {
      filter = JSON.parse(f.filter || '{}');
    } catch {
      filter = null;
    }
    if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw new ApiError(400, 'VALIDATION', '', [{ field: `figures.${i}.filter`, rule: 'json', message: '' }]);
    figures[f.key] = { label: f.label, ...(f.subject ? { subject: f.subject } : {}), filter: filter as Record<string, unknown>, measure: f.measure, format: f.format };
  });
  return { title: v.title, categories: v.categories ?? [], tags: v.tags ?? [], needs: v.needs ?? [], paragraphs: v.paragraphs.map((p) => ({ heading: !!p.heading, text: p.text })), figures };
}

/**
 * The server names a figure by its key (body.figures.started.measure); the form by its place
 * (figures.0.measure). Returns the form's field path for an API field, or null for none.
 */
export function formField(apiField: string, v: TemplateFormValues): (string | number)[] | null {
  const parts = apiField.replace(/^body\./, '').split('.');
  if (parts[0] === 'figures' && parts[1] !== undefined) {
    const i = v.figures.findIndex((f) => f.key === parts[1]);
    if (i < 0) return /^\d+$/.test(parts[1]) ? ['figures', Number(parts[1]), parts[2] ?? 'key'] : null;
    const rest = parts[2];
    const field = rest === undefined ? 'key' : ['label', 'subject', 'measure', 'format'].includes(rest) ? rest : rest === 'measures' ? 'measure' : 'filter';
    return ['figures', i, field];
  }
  if (parts[0] === 'paragraphs' && parts[1] !== undefined) return ['paragraphs', Number(parts[1]), parts[2] ?? 'text'];
  if (['name', 'description', 'title', 'categories', 'tags', 'needs'].includes(parts[0]!)) return [parts[0]!];
  return null;
}
