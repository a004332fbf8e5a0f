#!/usr/bin/env node
// Validates JSON documents against the official schemas in <repo>/tests/oracle (a copy of ../shared/oracle).
//   node tests/schemas/validate.mjs <schema> file1.json [file2.json ...]
// One line per file ("OK <file>" or "FAIL <file>: <errors>"); exit 1 if any fails, 2 on misuse.
// Also a module: manifest/package.mjs validates the filled manifest before zipping it.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The repository's copy, so a clone anywhere validates (test.sh says when it differs from ../shared/oracle).
const oracle = join(repoRoot, 'tests', 'oracle');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));

const schemas = {
  'adaptive-card-1.5': {
    file: 'adaptivecards/schemas/adaptive-card-1.5.0.json',
    compile(ajv, schema) {
      // Draft-06 schema that still names itself with draft-04's "id", which ajv 8 refuses.
      schema.$id = schema.id;
      delete schema.id;
      discriminateByType(schema);
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
      ajv.addSchema(schema);
      // The official schema reuses one AdaptiveCard definition for top-level and Action.ShowCard
      // cards, so it cannot require what only a top-level card needs; renderers refuse a card
      // without type, and the schema's own text says top-level cards must carry a version.
      // Teams renders up to 1.5 and shows only the fallback text of a newer card.
      const topLevel = { required: ['type', 'version'], properties: { version: { enum: ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5'] } } };
      return ajv.compile({ allOf: [{ $ref: schema.$id }, topLevel] });
    },
  },
  'teams-manifest': {
    file: 'teams-manifest/MicrosoftTeams.schema.v1.29.json',
    // A pattern uses \p{L}, which needs the u flag (without it, it silently means the letter p).
    options: { unicodeRegExp: true },
    compile: compileAsDraft07,
  },
  'teams-localization': {
    file: 'teams-manifest/MicrosoftTeams.Localization.schema.v1.29.json',
    // Its key patterns contain a bare "]" (`\b]\.description`), a syntax error under the u flag.
    options: { unicodeRegExp: false },
    compile: compileAsDraft07,
  },
};

// Elements and actions are an anyOf over every type, so one bad TextBlock yields errors from all
// sixteen branches. Each branch requires "type" and its definition pins "type" to its own name,
// so for an object only the branch named by its type can match: checking just that branch is
// the same verdict with errors about the right element. Anything else keeps the original anyOf.
function discriminateByType(schema) {
  const definitions = schema.definitions;
  for (const [name, definition] of Object.entries(definitions)) {
    if (!name.startsWith('ImplementationsOf.')) continue;
    const types = definition.anyOf?.map((branch) => {
      const target = branch.allOf?.length === 1 ? branch.allOf[0].$ref?.replace('#/definitions/', '') : undefined;
      const pinned = definitions[target]?.properties?.type?.enum;
      const shaped = branch.required?.length === 1 && branch.required[0] === 'type' && Object.keys(branch).length === 2;
      return shaped && pinned?.length === 1 && pinned[0] === target ? target : undefined;
    });
    if (!types || types.includes(undefined)) continue;
    definitions[name] = {
      if: { type: 'object' },
      then: {
        required: ['type'],
        properties: { type: { enum: types } },
        allOf: types.map((type) => ({
          if: { required: ['type'], properties: { type: { const: type } } },
          then: { $ref: `#/definitions/${type}` },
        })),
      },
      else: definition,
    };
  }
}

// The Teams schemas declare draft-04 but use draft-06 keywords (const for manifestVersion);
// under draft-04 semantics const would be silently ignored. Draft-07 is ajv's default, so the
// declaration is dropped rather than giving ajv a draft-04 meta schema it does not ship.
function compileAsDraft07(ajv, schema) {
  delete schema.$schema;
  return ajv.compile(schema);
}

const compiled = new Map();

export const schemaNames = Object.keys(schemas);

export function validator(name) {
  const entry = schemas[name];
  if (!entry) throw new Error(`unknown schema "${name}"; known: ${schemaNames.join(', ')}`);
  if (!compiled.has(name)) {
    // strict:false: the official schemas carry keywords of their own ("version" on properties).
    const ajv = new Ajv({ strict: false, allErrors: true, ...entry.options });
    addFormats(ajv);
    compiled.set(name, entry.compile(ajv, readJson(join(oracle, entry.file))));
  }
  return compiled.get(name);
}

/** Errors of one document, as "instancePath message" strings; empty when it is valid. */
export function validate(name, document) {
  const check = validator(name);
  return check(document) ? [] : readableErrors(check.errors ?? []);
}

// An enum written as anyOf [enum, case-insensitive pattern, null] fails three ways at one place:
// the enum error says it all. An anyOf summary adds nothing where a branch said more.
function readableErrors(errors) {
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const within = (path, place) => path === place || path.startsWith(`${place}/`) || place === '';
  const lines = errors
    .filter((e) => e.keyword !== 'if') // "must match then schema": the then-branch's own errors follow
    .filter((e) => !(enumAt.has(e.instancePath) && (e.keyword === 'pattern' || (e.keyword === 'type' && e.params.type === 'null'))))
    .filter((e) => e.keyword !== 'anyOf' || !errors.some((o) => o.keyword !== 'anyOf' && o.keyword !== 'if' && within(o.instancePath, e.instancePath)))
    .map((e) => `${e.instancePath || '/'} ${e.message}${detail(e)}`);
  return [...new Set(lines)];
}

function detail(e) {
  if (e.keyword === 'enum') return ` (${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
  if (e.keyword === 'additionalProperties') return ` ("${e.params.additionalProperty}")`;
  if (e.keyword === 'const') return ` (${JSON.stringify(e.params.allowedValue)})`;
  return '';
}

function validateFile(name, file) {
  let document;
  try {
    document = readJson(file);
  } catch (error) {
    return [`not readable JSON: ${error.message}`];
  }
  return validate(name, document);
}

function main([name, ...files]) {
  if (!name || !(name in schemas) || files.length === 0) {
    console.error(`usage: node tests/schemas/validate.mjs <${schemaNames.join('|')}> file.json [file.json ...]`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const errors = validateFile(name, file);
    if (errors.length === 0) {
      console.log(`OK ${file}`);
    } else {
      failed++;
      const shown = errors.slice(0, 12).join('; ');
      console.log(`FAIL ${file}: ${shown}${errors.length > 12 ? `; (${errors.length - 12} more)` : ''}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
