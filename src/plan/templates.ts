// Loading plan templates: the shipped ones in `templates/` at the package root, plus the user's
// own `*.json` files in a directory of their choice. A user template may add a new id or
// override a shipped one (same id). Every template goes through TemplateSchema; a bad one is a
// UsageError whose one-line message names the file and the first bad field.
import { readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { TemplateSchema, type Template } from './schema.js';
import { MiB, readFileBounded } from '../util/files.js';

export type TemplateOrigin = 'shipped' | 'user';

export interface TemplateEntry {
  id: string;
  origin: TemplateOrigin;
  /** File the template was read from (relative to the working directory when inside it). */
  path: string;
  template: Template;
  /** True when this user template replaces a shipped template with the same id. */
  overridesShipped: boolean;
}

export interface TemplateProblem {
  path: string;
  /** The template id when the file could be read far enough to tell, else the file name stem. */
  id: string;
  /** Same one-line message the UsageError would carry: `<file>: <field>: <what is wrong>`. */
  message: string;
}

/**
 * What listTemplates returns: the usable templates (sorted by id, user overrides applied) and
 * the files that were skipped because they are not valid templates. Callers show the problems
 * as warnings; `coach templates validate FILE` gives the full verdict for a single file.
 */
export interface TemplateListing {
  templates: TemplateEntry[];
  problems: TemplateProblem[];
}

/** `templates/` at the package root: src/plan/templates.ts and dist/plan/templates.js are both two levels down. */
export function shippedTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** Validates already-parsed JSON. `source` names the file (or other origin) in error messages. */
export function parseTemplate(json: unknown, source: string): Template {
  const result = TemplateSchema.safeParse(json);
  if (result.success) return result.data;
  throw new UsageError(`${source}: ${describeIssues(result.error.issues)}`, {
    hint: 'see the template format in the README, or run `coach templates validate FILE`',
  });
}

/** Reads, parses and validates one template file. */
export function validateTemplateFile(path: string): Template {
  return parseTemplate(readJson(path), displayPath(path));
}

export function listTemplates(userDir?: string): TemplateListing {
  const problems: TemplateProblem[] = [];
  const shipped = loadDir(shippedTemplatesDir(), 'shipped', problems);
  const user = userDir === undefined ? new Map<string, TemplateEntry>() : loadDir(userDir, 'user', problems);
  const byId = new Map(shipped);
  for (const [id, entry] of user) byId.set(id, { ...entry, overridesShipped: shipped.has(id) });
  const templates = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { templates, problems };
}

export function loadTemplate(id: string, userDir?: string): Template {
  const { templates, problems } = listTemplates(userDir);
  const found = templates.find((t) => t.id === id);
  if (found) return found.template;
  // A file that claims this id but is invalid: its own error is more useful than "unknown id".
  const broken = problems.find((p) => p.id === id);
  if (broken) throw new UsageError(broken.message);
  const available = templates.map((t) => t.id).join(', ') || 'none';
  throw new UsageError(`unknown template "${id}"; available: ${available}`, {
    hint: 'run `coach templates list`',
  });
}

/** Loads every *.json in `dir` (sorted by name, so results are stable); first file wins an id. */
function loadDir(dir: string, origin: TemplateOrigin, problems: TemplateProblem[]): Map<string, TemplateEntry> {
  const out = new Map<string, TemplateEntry>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return out; // no user templates yet
    problems.push({ path: displayPath(dir), id: '', message: `${displayPath(dir)}: cannot read directory (${errorCode(err) ?? String(err)})` });
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    const shown = displayPath(path);
    let json: unknown;
    try {
      json = readJson(path);
      const template = parseTemplate(json, shown);
      const earlier = out.get(template.id);
      if (earlier) {
        problems.push({ path: shown, id: template.id, message: `${shown}: id "${template.id}" is already used by ${earlier.path}; skipped` });
        continue;
      }
      out.set(template.id, { id: template.id, origin, path: shown, template, overridesShipped: false });
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      problems.push({ path: shown, id: claimedId(json) ?? basename(name, '.json'), message: err.message });
    }
  }
  return out;
}

/** A template is a few KB; anything past 1 MiB (or /dev/zero) is refused without reading it all. */
const TEMPLATE_MAX_BYTES = MiB;

function readJson(path: string): unknown {
  const shown = displayPath(path);
  let text: string;
  try {
    text = readFileBounded(path, TEMPLATE_MAX_BYTES, shown);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${shown}: cannot read file (${errorCode(err) ?? String(err)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(`${shown}: invalid JSON (${why})`);
  }
}

/** `phases.0.tasks.2.hours: expected number, received string (+1 more)` */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid template';
  const path = first.path.map(String).join('.');
  const message = first.message.replace(/^Invalid input: /, '').replace(/\s+/g, ' ').trim();
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `${path ? `${path}: ` : ''}${message}${more}`;
}

function claimedId(json: unknown): string | undefined {
  if (json && typeof json === 'object' && 'id' in json && typeof json.id === 'string') return json.id;
  return undefined;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function errorCode(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}
