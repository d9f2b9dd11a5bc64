// Writes docs/elements.md's per-element reference (attributes, properties, methods, events,
// slots, parts, CSS custom properties) from custom-elements.json, between the markers
//   <!-- elements:start -->  and  <!-- elements:end -->
// so it cannot drift from the source's JSDoc; the page's prose above the markers is written
// by hand. Run by `npm run manifest` (so by `npm run build`);
// `node scripts/element-docs.mjs --check` exits 1 when the page is not current.
import { readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const START = '<!-- elements:start -->';
const END = '<!-- elements:end -->';
const PAGE = 'docs/elements.md';

/** Table cells: one line, pipes escaped. */
const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) =>
  rows.length ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c ?? '').join(' | ')} |`)].join('\n') : '';

export function elementTables(manifest) {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const sections = elements.map((d) => {
    const publicMembers = (d.members ?? []).filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
    const attributes = (d.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]);
    const withAttribute = new Set((d.attributes ?? []).map((a) => a.fieldName));
    const properties = publicMembers
      .filter((m) => m.kind === 'field' && !withAttribute.has(m.name) && m.description)
      .map((m) => [code(m.name), code(m.type?.text), cell(m.description)]);
    const methods = publicMembers
      .filter((m) => m.kind === 'method' && m.description)
      .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]);
    const parts = [
      // The tag alone in the heading, so its anchor (#live-stream) stays when the summary
      // changes; then the summary's first sentence: the rest of a long one is the
      // element's description.
      `### \`<${d.tagName}>\``,
      d.summary ? cell(d.summary).split(/(?<=\.) /)[0] : '',
      table(['attribute', 'property', 'type', 'default', 'meaning'], attributes),
      table(['property (no attribute)', 'type', 'meaning'], properties),
      table(['method', 'what it does'], methods),
      table(['event', 'when'], (d.events ?? []).filter((e) => e.name).map((e) => [code(e.name), cell(e.description)])),
      table(['slot', 'what goes in it'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
      table(['part', 'what it is'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
      table(['CSS custom property', 'what it sets'], (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
    ];
    return parts.filter(Boolean).join('\n\n');
  });
  const count = elements.length;
  return [
    `${START}`,
    `<!-- Generated from custom-elements.json by scripts/element-docs.mjs (npm run manifest): edit the JSDoc, not this. -->`,
    `The ${count} elements, as \`custom-elements.json\` describes them.`,
    ...sections,
    END,
  ].join('\n\n');
}

export function withTables(page, manifest) {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${PAGE} has no ${START} … ${END} markers`);
  return page.slice(0, start) + elementTables(manifest) + page.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
  const page = await readFile(new URL(PAGE, root), 'utf8');
  const next = withTables(page, manifest);
  if (process.argv.includes('--check')) {
    if (next !== page) {
      console.error(`${PAGE}'s element reference is out of date: run \`npm run manifest\``);
      process.exit(1);
    }
  } else if (next !== page) await writeFile(new URL(PAGE, root), next);
}
