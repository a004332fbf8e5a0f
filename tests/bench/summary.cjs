'use strict';
// node summary.js results.jsonl delivery.jsonl "bot1 bot2 ..." : the summary table of teams-throughput.sh.
// results.jsonl: one line per run from ../shared/bench/run.sh; delivery.jsonl: the replies counted at the
// fake connector for the same runs (during the load, and after it until the backlog was drained).
const fs = require('fs');

const [resultsFile, deliveryFile, botList] = process.argv.slice(2);
const order = (botList || '').split(/\s+/).filter(Boolean);
const lines = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const results = lines(resultsFile);
const delivery = new Map(lines(deliveryFile).map((d) => [`${d.label}|${d.run}|${d.concurrency}`, d]));

const groups = new Map();
for (const r of results) {
  const k = `${r.label}|${r.concurrency}`;
  if (!groups.has(k)) groups.set(k, []);
  groups.get(k).push({ r, d: delivery.get(`${r.label}|${r.run}|${r.concurrency}`) });
}
const rank = (b) => { const i = order.indexOf(b); return i === -1 ? order.length : i; };
const keys = [...groups.keys()].sort((a, b) => {
  const [la, ca] = a.split('|'); const [lb, cb] = b.split('|');
  return rank(la) - rank(lb) || Number(ca) - Number(cb);
});
const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const f = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(d));
const fmt = (x) => (x === null ? 'n/a' : Math.round(x).toLocaleString('en-US'));
const peer = new Map();
for (const k of keys) {
  const [bot, conc] = k.split('|');
  if (bot === 'peer-bot') peer.set(conc, mean(groups.get(k).map((g) => g.r.ackedPerS)));
}

const row = (cells) => `| ${cells.join(' | ')} |`;
console.log(row(['bot', 'conc', 'runs', 'activities/s (mean)', 'min..max', 'p50 ms', 'p99 ms', 'errors',
  'bot CPU µs/activity', 'replies delivered / acked', 'of which during the load', 'backlog drained after (ms)', 'vs peer']));
console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
for (const k of keys) {
  const [bot, conc] = k.split('|');
  const gs = groups.get(k);
  const rate = mean(gs.map((g) => g.r.ackedPerS));
  const acked = gs.reduce((s, g) => s + g.r.acked, 0);
  const ds = gs.map((g) => g.d).filter(Boolean);
  const delivered = ds.length === gs.length ? ds.reduce((s, d) => s + d.delivered, 0) : null;
  const during = ds.length === gs.length ? ds.reduce((s, d) => s + d.repliesInWindow, 0) : null;
  const rates = gs.map((g) => g.r.ackedPerS);
  const p = peer.get(conc);
  console.log(row([
    bot, conc, gs.length, fmt(rate), `${fmt(Math.min(...rates))}..${fmt(Math.max(...rates))}`,
    f(mean(gs.map((g) => g.r.p50Ms)), 2), f(mean(gs.map((g) => g.r.p99Ms)), 2),
    gs.reduce((s, g) => s + g.r.errors, 0),
    f(mean(gs.map((g) => g.r.botCpuUsPerActivity || 0))),
    delivered === null ? 'n/a' : `${delivered.toLocaleString('en-US')} / ${acked.toLocaleString('en-US')} (${f((100 * delivered) / acked, 1)} %)`,
    during === null ? 'n/a' : `${f((100 * during) / acked, 1)} %`,
    ds.length ? f(Math.max(...ds.map((d) => d.drainMs))) : 'n/a',
    p ? `${f(rate / p, 2)}×` : 'n/a',
  ]));
}
