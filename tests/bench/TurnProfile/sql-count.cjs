'use strict';
// node sql-count.cjs TURNS < bot.log : database commands per turn, by kind, from EF Core's command log
// ("Executed DbCommand (…ms) …" followed by the command text, indented).
const turns = Number(process.argv[2]) || 1;
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const lines = input.split('\n');
  const kinds = new Map();
  const shapes = new Map();
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/Executed DbCommand/.test(lines[i])) continue;
    total++;
    let sql = '';
    for (let j = i + 1; j < lines.length && /^\s{6}/.test(lines[j]) && !/^\w/.test(lines[j]); j++) sql += lines[j].trim() + ' ';
    const kind = (sql.match(/^\s*(\w+)/) || ['', '?'])[1].toUpperCase();
    kinds.set(kind, (kinds.get(kind) || 0) + 1);
    const shape = sql.replace(/'[^']*'/g, "'…'").replace(/\s+/g, ' ').slice(0, 140);
    shapes.set(shape, (shapes.get(shape) || 0) + 1);
  }
  console.log(`\n${total} database commands for ${turns} turns (${(total / turns).toFixed(2)} per turn), including the outbox's:`);
  for (const [k, c] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${(c / turns).toFixed(2).padStart(6)} ${k}`);
  console.log('most frequent commands (per turn):');
  for (const [s, c] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(c / turns).toFixed(2).padStart(6)} ${s}`);
});
