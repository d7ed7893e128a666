// The same deterministic rows as the app's /dev/table page (src/pages/dev/table_demo.rs,
// `generate`): splitmix64 of the row index, so both grids get identical data.
const NAMES = ['云杉数据', 'Harbor Analytics', '北辰物流', 'Summit Retail', '青禾教育', 'Cobalt Payments', '星河游戏', 'Granite Manufacturing'];
const SPECIAL = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(1)', 'Acme, "Quoted" Ltd.', '第一行\n第二行'];
const STATUSES = ['RUNNING', 'STOPPED', 'FROZEN', 'EXPIRED'];
const REGIONS = ['cn-north-4', 'cn-east-3', 'cn-south-1', 'ap-southeast-1', 'eu-west-101'];
const M = (1n << 64n) - 1n;
const BASE = Date.parse('2026-11-20T00:00:00Z');

export function generate(n) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    let z = (BigInt(i) + 0x9e3779b97f4a7c15n) & M;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    const h = z ^ (z >> 31n);
    const name = i >= 1 && i <= SPECIAL.length ? SPECIAL[i - 1] : `${NAMES[Number(h % BigInt(NAMES.length))]} ${String(i).padStart(6, '0')}`;
    const cents = Number((h >> 20n) % 10000000n);
    rows[i] = {
      id: `res-${String(i).padStart(8, '0')}-${h.toString(16).padStart(16, '0')}`,
      name,
      email: `user${i}@example.com`,
      phone: `1${3n + ((h >> 8n) % 7n)}${String((h >> 16n) % 1000000000n).padStart(9, '0')}`,
      status: STATUSES[Number((h >> 4n) % BigInt(STATUSES.length))],
      amount: cents / 100,
      currency: (h >> 40n) % 10n === 0n ? 'USD' : 'CNY',
      created: new Date(BASE - Number((h >> 24n) % BigInt(365 * 86400)) * 1000).toISOString(),
      region: REGIONS[Number((h >> 12n) % BigInt(REGIONS.length))],
    };
  }
  return rows;
}
