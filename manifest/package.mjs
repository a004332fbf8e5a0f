#!/usr/bin/env node
// Builds the Teams app package: fills the bot's app id and public domain into
// manifest/teams/manifest.json, validates it against the official schemas, and zips it with the
// Spanish strings and the icons.
//   node manifest/package.mjs [--app-id <guid>] [--domain <host>] [--out <file.zip>]
// Defaults: BotFramework__AppId and BOT_DOMAIN from the environment (the bot reads the same
// BotFramework__AppId); manifest/teams/build/servicedeskbot-teams.zip.
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const teams = join(dirname(fileURLToPath(import.meta.url)), 'teams');
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// validDomains takes host names: no scheme, port or path.
const hostName = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: { 'app-id': { type: 'string' }, domain: { type: 'string' }, out: { type: 'string' } },
  }));
} catch (error) {
  fail(`${error.message}\nusage: node manifest/package.mjs [--app-id <guid>] [--domain <host>] [--out <file.zip>]`);
}

const appId = (options['app-id'] ?? process.env.BotFramework__AppId ?? '').trim();
const domain = (options.domain ?? process.env.BOT_DOMAIN ?? '').trim();
const out = resolve(options.out ?? join(teams, 'build', 'servicedeskbot-teams.zip'));

if (!appId) fail('the bot\'s app id is missing: set BotFramework__AppId or pass --app-id <guid> (the Azure Bot\'s Microsoft App ID).');
if (!guid.test(appId)) fail(`the app id "${appId}" is not a GUID: use the Azure Bot's Microsoft App ID (like 8a0c3e52-1b7d-4f7e-9c65-2d1e0f4b9a31).`);
if (!domain) fail('the public domain is missing: set BOT_DOMAIN or pass --domain <host> (the host of the bot\'s https endpoint, e.g. desk.example.com).');
if (!hostName.test(domain)) fail(`the domain "${domain}" is not a host name: give the host only (desk.example.com), without https:// or a path.`);

const filled = readFileSync(join(teams, 'manifest.json'), 'utf8')
  .replaceAll('{{BOT_APP_ID}}', appId)
  .replaceAll('{{BOT_DOMAIN}}', domain);
const leftover = filled.match(/\{\{[^}]*\}\}/);
if (leftover) fail(`manifest.json has a placeholder this script does not fill: ${leftover[0]}`);

const manifest = JSON.parse(filled);
const files = {
  'manifest.json': Buffer.from(filled, 'utf8'),
  ...Object.fromEntries(
    [
      manifest.icons.color,
      manifest.icons.outline,
      ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
    ].map((name) => [name, readFileSync(join(teams, name))]),
  ),
};

let validate;
try {
  ({ validate } = await import('../tests/schemas/validate.mjs'));
} catch (error) {
  fail(`the schema validator could not load (${error.message}): run npm ci --prefix tests`);
}
const problems = [
  ...validate('teams-manifest', manifest).map((e) => `manifest.json ${e}`),
  ...(manifest.localizationInfo?.additionalLanguages ?? []).flatMap(({ file }) =>
    validate('teams-localization', JSON.parse(files[file].toString('utf8'))).map((e) => `${file} ${e}`)),
];
if (problems.length > 0) fail(`the package does not validate:\n  ${problems.join('\n  ')}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip(files));
console.log(`wrote ${out}: ${Object.keys(files).join(', ')} (app id ${appId}, domain ${domain})`);

// A minimal zip writer (deflate, no directories): node has deflate but no zip, and the
// machines that build this do not all have a zip tool. A fixed timestamp makes the package
// depend only on its contents.
function zip(entries) {
  const local = [];
  const central = [];
  let offset = 0;
  const dosDate = (1 << 5) | 1; // 1980-01-01, 00:00
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    local.push(header, nameBytes, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42); // comment, disk, attributes: zero
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
