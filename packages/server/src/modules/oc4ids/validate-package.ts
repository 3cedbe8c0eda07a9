import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The schema files' own URLs; validation maps them to the local copies and never fetches. */
export const PACKAGE_SCHEMA_ID = 'https://standard.open-contracting.org/infrastructure/schema/0__9__4/project-package-schema.json';
export const PROJECT_SCHEMA_ID = 'https://standard.open-contracting.org/infrastructure/schema/0__9__4/project-schema.json';

/**
 * Where the OC4IDS 0.9 schema and code lists live: GUATU_OC4IDS_DIR, or the shared folder beside
 * the repository (`../shared/oc4ids` from its root), which development machines and CI have.
 */
export function oc4idsDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.GUATU_OC4IDS_DIR, resolve(fileURLToPath(new URL('../../../../../../shared/oc4ids', import.meta.url)))].filter(Boolean) as string[];
  return candidates.find((dir) => existsSync(join(dir, 'project-package-schema.json'))) ?? null;
}

export interface SchemaError {
  path: string;
  message: string;
}

export type PackageValidator = (pkg: unknown) => SchemaError[];

/** A draft-04 validator of project packages, with the project schema registered under its URL. */
export function packageValidator(dir: string): PackageValidator {
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  ajv.addSchema(load('project-schema.json'), PROJECT_SCHEMA_ID);
  const validate = ajv.compile(load('project-package-schema.json'));
  return (pkg) => {
    if (validate(pkg)) return [];
    return (validate.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: `${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).slice(0, 8).join(', ')}…)` : ''}` }));
  };
}

/** Codes of one OC4IDS code list (codelists/<name>.csv), first column. */
export function codelist(dir: string, name: string): Set<string> {
  const lines = readFileSync(join(dir, 'codelists', `${name}.csv`), 'utf8').split(/\r?\n/).slice(1);
  return new Set(lines.filter(Boolean).map((l) => l.split(',')[0]!.replace(/^"|"$/g, '')));
}

/**
 * The values of a project package that should come from an OC4IDS code list and do not, as
 * "projects[i].path: value" (sectors, status, party roles, currency, metric ids, financing types).
 * The schema leaves these open; the standard's lists close them.
 */
export function codelistViolations(dir: string, pkg: { projects: any[] }): string[] {
  const lists = Object.fromEntries(['projectSector', 'projectStatus', 'partyRole', 'currency', 'metricID', 'financingArrangementType'].map((name) => [name, codelist(dir, name)]));
  const out: string[] = [];
  const check = (list: string, at: string, value: unknown) => {
    if (!lists[list]!.has(value as string)) out.push(`${at}: ${String(value)}`);
  };
  pkg.projects.forEach((project, i) => {
    for (const s of project.sector ?? []) check('projectSector', `projects[${i}].sector`, s);
    check('projectStatus', `projects[${i}].status`, project.status);
    for (const party of project.parties ?? []) for (const role of party.roles ?? []) check('partyRole', `projects[${i}].parties[].roles`, role);
    check('currency', `projects[${i}].budget.amount.currency`, project.budget?.amount?.currency);
    for (const m of project.metrics ?? []) check('metricID', `projects[${i}].metrics[].id`, m.id);
    for (const f of project.budget?.finance ?? []) if (f.type) check('financingArrangementType', `projects[${i}].budget.finance[].type`, f.type);
  });
  return out;
}
