/** 通报 and 核数: the shapes of /api/v1/bulletin-templates and /api/v1/bulletins (see /api/openapi.json). */
import type { FigureFormat, TemplateBody } from '@guatu/core';
import { get, patch, post } from './client';
import type { Page } from './types';
import type { StatsFilter } from './stats';

export interface TemplateSummary {
  id: number;
  code: string;
  name: string;
  description: string | null;
  regionCode: string;
  regionName: string;
  version: number;
  needs: ('batch' | 'keyList')[];
  updatedAt: string;
  abilities: { update: boolean; generate: boolean };
}

export interface Template extends TemplateSummary {
  body: TemplateBody;
  versions: { version: number; name: string; savedAt: string; savedByName: string | null }[];
}

export interface FigureRequest {
  subject: 'projects' | 'enterprises' | 'groups';
  filter: StatsFilter & Record<string, unknown>;
  measures: string[];
}

export type FigureValue = string | number | null;

export interface BulletinFigure {
  key: string;
  label: string;
  request: FigureRequest;
  value: FigureValue;
  text: string;
  recordCount: number;
  links: { projects: string | null; stats: string; figure: string };
}

export interface BulletinSummary {
  id: number;
  title: string;
  templateId: number;
  templateName: string;
  templateVersion: number;
  regionCode: string;
  regionName: string;
  period: string;
  bulletinDate: string;
  dataVersion: number;
  generatedAt: string;
  generatedByName: string | null;
}

export type Segment = { text: string; figure?: string };

export interface Bulletin extends BulletinSummary {
  markdown: string;
  paragraphs: { heading: boolean; segments: Segment[] }[];
  figures: BulletinFigure[];
  links: { print: string; compare: string };
}

export interface DrillProject {
  id: number;
  code: string;
  name: string;
  regionName: string;
  categoryName: string;
  stage: string;
  startedOn: string | null;
  totalInvestment: string;
}

export interface FigureDrill {
  bulletinId: number;
  figure: BulletinFigure;
  dataVersion: number;
  records: { subject: FigureRequest['subject']; ids: number[]; projects: DrillProject[]; total: number; page: number; pageSize: number };
}

export interface Comparison {
  bulletinId: number;
  generated: { dataVersion: number; at: string };
  now: { dataVersion: number; at: string };
  changed: number;
  figures: { key: string; label: string; then: { value: FigureValue; text: string }; now: { value: FigureValue; text: string }; changed: boolean; added: number[]; removed: number[] }[];
}

export type CheckStatus = 'matches' | 'differs' | 'untraceable';

export interface CheckedFigure {
  text: string;
  start: number;
  end: number;
  heading: boolean;
  sentence: string;
  kind: 'amount' | 'count' | 'percent' | 'capacity' | 'quantity';
  value: string;
  status: CheckStatus;
  dataValue: string | null;
  dataText: string | null;
  rounded: boolean;
  reading: Record<'region' | 'period' | 'event' | 'kind' | 'subject' | 'set' | 'measure', { words: string } | null>;
  request: FigureRequest | null;
  unresolved: { rule: string; message: string }[];
}

export interface CheckResult {
  date: string;
  dateFrom: 'frontMatter' | 'request' | 'today';
  format: 'text' | 'markdown' | 'html';
  title: string | null;
  dataVersion: number;
  summary: { figures: number; matches: number; differs: number; untraceable: number };
  figures: CheckedFigure[];
}

export interface GenerateInput {
  templateId: number;
  regionCode: string;
  period: string;
  batch?: number;
  keyList?: number;
  date?: string;
}

export const listTemplates = () => get<{ items: TemplateSummary[] }>('/bulletin-templates').then((r) => r.items);
export const loadTemplate = (id: number, version?: number) => get<Template>(`/bulletin-templates/${id}`, { version });
export const saveTemplate = (id: number, input: { version: number; name?: string; description?: string | null; body?: TemplateBody }) => patch<Template>(`/bulletin-templates/${id}`, input);

export const listBulletins = (query: { region?: string; templateId?: number; page?: number; pageSize?: number }) => get<Page<BulletinSummary>>('/bulletins', query);
export const generateBulletin = (input: GenerateInput) => post<Bulletin>('/bulletins', input);
export const loadBulletin = (id: number) => get<Bulletin>(`/bulletins/${id}`);
export const drillFigure = (id: number, key: string, page = 1, pageSize = 10) => get<FigureDrill>(`/bulletins/${id}/figures/${encodeURIComponent(key)}`, { page, pageSize });
export const compareBulletin = (id: number) => get<Comparison>(`/bulletins/${id}/compare`);
export const checkDraft = (input: { text: string; format?: string; date?: string; region?: string }) => post<CheckResult>('/bulletins/check', input);

/** Where the browser opens a bulletin's printable page (served by the API, same origin and cookie). */
export const printHref = (id: number) => `/api/v1/bulletins/${id}/print`;

export type { FigureFormat };
