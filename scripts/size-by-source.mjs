// Where a built file's bytes come from: `node scripts/size-by-source.mjs dist/livecart.js`.
// Each source's share of the generated code (through the file's source map), gzipped on
// its own, largest first; together they compress further than the sum says, so the last
// line gives both the sum and the whole file's gzip.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2] ?? 'dist/livecart.js';
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const gzip = (text) => gzipSync(text, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One source-map segment's VLQ fields. */
function decode(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >> 1) : value >> 1);
      value = shift = 0;
    }
  }
  return fields;
}

const lines = code.split('\n');
const bySource = new Map();
let source = 0;
map.mappings.split(';').forEach((mapping, lineIndex) => {
  const text = lines[lineIndex] ?? '';
  const segments = mapping ? mapping.split(',').map(decode) : [];
  let column = 0;
  segments.forEach((fields, i) => {
    column += fields[0];
    if (fields.length > 1) source += fields[1];
    const end = i + 1 < segments.length ? column + segments[i + 1][0] : text.length;
    const name = fields.length > 1 ? map.sources[source].replace(/^(\.\.\/)+/, '') : '(unmapped)';
    bySource.set(name, (bySource.get(name) ?? '') + text.slice(column, end));
  });
});

const rows = [...bySource].map(([name, text]) => [name, gzip(text)]).sort((a, b) => b[1] - a[1]);
for (const [name, bytes] of rows) console.log(`${String(bytes).padStart(6)} B  ${name}`);
const sum = rows.reduce((total, [, bytes]) => total + bytes, 0);
console.log(`${String(sum).padStart(6)} B  sum of the above; ${gzip(code)} B gzip for ${file} as one file`);
