'use strict';
// node stages.cjs perf.txt ACKED CPU_US : the bot's CPU per turn spread over the stages of a turn.
// perf.txt is `perf script -F comm,tid,ip,sym,dso` of call-graph samples (leaf frame first).
// Each sample goes to the first stage (in the order below) one of whose patterns a frame of its
// stack matches, so "knowledge search" includes the SQLite work it causes, and "save" is what is
// left of the unit of work's commit. CPU_US (from /proc) is shared out in proportion to samples.
const fs = require('fs');
const [file, ackedArg, cpuArg] = process.argv.slice(2);
const acked = Number(ackedArg) || 1;
const cpuUs = Number(cpuArg) || 0;

const stages = [
  ['GC', /\bWKS::|\bSVR::|gc_heap|GCHeap|GarbageCollect|\bgc\.cpp/],
  ['JIT / tiering', /libclrjit|TieredCompilation|CallCountingManager|MethodDesc::DoPrestub|ThePreStub/],
  ['classify (TriageModel, classifier, kind cues)', /ServiceDesk\.Domain\.Classification|Flows\.Intake\.TriageModel/],
  ['knowledge search (query, FTS, ranking, snippet)', /ServiceDesk\.Storage\.Knowledge|ServiceDesk\.Domain\.Knowledge|Deflection\.KnownAnswers/],
  ['catalog (categories, services)', /ServiceDesk\.Storage\.Catalog|CatalogRepository|IntakeFlow\.(CategoriesAsync|ServicesAsync)/],
  ['render card (builders, texts)', /ServiceDesk\.Cards\./],
  ['flow state (read, JSON)', /ServiceDesk\.Bot\.Flows\.FlowStates|ServiceDesk\.Storage\.Flows|ConversationFlowState|FlowData/],
  ['pending questions / my tickets', /ServiceDesk\.Bot\.Flows\.FollowUp/],
  ['outbox dispatch (claim, send, record)', /ServiceDesk\.Bot\.Outbox|ServiceDesk\.Storage\.Outbox|ConnectorClient|Connector\./],
  ['save (EF change detection, SQL, commit)', /SaveChanges|ServiceDesk\.Storage\.Sqlite|SqliteWriter|SqliteUnitOfWork|UnitOfWork/],
  ['dedupe / conversation reference', /Deduplicat|ProcessedActivit|ConversationReference|Conversations\./],
  ['translate (activity JSON → turn)', /Channels\.Teams|ServiceDesk\.Bot\.Turns\.Turn[A-Z]|TurnJsonContext|ActivityReader|Activity[A-Z]\w*::/],
  ['EF / SQLite (other)', /Microsoft\.EntityFrameworkCore|Microsoft\.Data\.Sqlite|SQLitePCL|libe_sqlite3|e_sqlite3/],
  ['System.Text.Json (other)', /System\.Text\.Json/],
  ['HTTP (Kestrel, routing, HttpClient)', /Microsoft\.AspNetCore|System\.Net\.|Kestrel/],
  ['kernel', /\[kernel\.kallsyms\]/],
];

const text = fs.readFileSync(file, 'utf8');
const counts = new Map(stages.map(([n]) => [n, 0]));
counts.set('other', 0);
const self = new Map();
const inclusiveOurs = new Map();
let total = 0;
for (const block of text.split(/\n\s*\n/)) {
  const lines = block.split('\n').filter((l) => l.trim());
  if (lines.length < 2) continue;
  const frames = lines.slice(1).map((l) => l.trim().replace(/^[0-9a-f]+\s+/, ''));
  total++;
  let stage = 'other';
  for (const [name, re] of stages) {
    if (frames.some((f) => re.test(f))) { stage = name; break; }
  }
  counts.set(stage, counts.get(stage) + 1);
  const leaf = frames[0].replace(/\+0x[0-9a-f]+/, '');
  self.set(leaf, (self.get(leaf) || 0) + 1);
  const seen = new Set();
  for (const f of frames) {
    const m = f.match(/(ServiceDesk\.[\w.`]+(?:::|\.)[\w<>`]+)/);
    if (m && !seen.has(m[1])) { seen.add(m[1]); inclusiveOurs.set(m[1], (inclusiveOurs.get(m[1]) || 0) + 1); }
  }
}
if (total === 0) { console.log('no samples'); process.exit(0); }
const us = (n) => (cpuUs * n / total / acked).toFixed(0).padStart(6);
const pct = (n) => (100 * n / total).toFixed(1).padStart(5);
console.log(`\n${total} samples; µs per acked activity by stage (first stage whose pattern a frame matches):`);
for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1])) if (n) console.log(`${us(n)} µs ${pct(n)}%  ${name}`);
console.log('\ntop self frames:');
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${us(n)} µs ${pct(n)}%  ${name.slice(0, 150)}`);
console.log('\ntop ServiceDesk frames, inclusive:');
for (const [name, n] of [...inclusiveOurs].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${us(n)} µs ${pct(n)}%  ${name}`);

// FOCUS=<regex>: within the samples one of whose frames matches, the frames (any code) nearest the leaf side
// of the match, inclusive: what that part of the turn spends its time on.
if (process.env.FOCUS) {
  const focus = new RegExp(process.env.FOCUS);
  const inner = new Map();
  let matched = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (lines.length < 2) continue;
    const frames = lines.slice(1).map((l) => l.trim().replace(/^[0-9a-f]+\s+/, '').replace(/\+0x[0-9a-f]+/, ''));
    const at = frames.findIndex((f) => focus.test(f));
    if (at < 0) continue;
    matched++;
    for (const f of new Set(frames.slice(0, at + 1))) inner.set(f, (inner.get(f) || 0) + 1);
  }
  console.log(`\nFOCUS ${process.env.FOCUS}: ${us(matched)} µs per activity; frames inside it, inclusive:`);
  for (const [name, n] of [...inner].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${us(n)} µs ${pct(n)}%  ${name.slice(0, 170)}`);
}
