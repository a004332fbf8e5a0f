'use strict';
// node sql-turns.cjs BOT_URL SERVICE_URL intake|help N : N Teams message activities, one at a time (each
// waits for its 200), cycling the harness's 50 users and 6 texts, so the EF command log can be cut per turn.
const http = require('http');
const [botUrl, serviceUrl, mode, nArg] = process.argv.slice(2);
const n = Number(nArg);
const texts = [
  'my laptop does not boot',
  'I cannot connect to the VPN since this morning',
  'Outlook keeps asking for my password',
  'the printer on floor 3 is jammed again',
  'please give me access to the finance share',
  'my second monitor is not detected',
];
const prefix = `sql${process.pid}-`;
const tenant = '00000000-0000-4000-8000-0000000000aa';
function post(i) {
  const u = i % 50;
  const body = JSON.stringify({
    type: 'message', id: `${prefix}${i}`, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl,
    from: { id: `29:user-${u}`, name: `Test User ${u}`, aadObjectId: `00000000-0000-4000-8000-${String(u).padStart(12, '0')}` },
    recipient: { id: '28:00000000-0000-4000-8000-00000000b07b', name: 'Service Desk' },
    conversation: { id: `a:conv-user-${u}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } }, locale: 'en-US', textFormat: 'plain',
    text: mode === 'help' ? 'help' : texts[i % texts.length],
  });
  return new Promise((resolve, reject) => {
    const req = http.request(botUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}
(async () => {
  for (let i = 0; i < n; i++) await post(i);
  console.log(`${n} turns sent`);
})().catch((e) => { console.error(e.message); process.exit(1); });
