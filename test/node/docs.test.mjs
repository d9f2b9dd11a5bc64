// The README and docs/*.md are checked as the code is: a link that leads nowhere, an anchor
// whose heading was renamed, a snippet that no longer type-checks against the package or
// uses an attribute no element has, fail here (issue 19 item 11). In `node --test test/node/`,
// which npm test runs after its build: the type check and the feed check read dist/.
//
// - links: every relative link and image of a page resolves to a file or folder of the
//   repository, and its #anchor (same page or another .md) to a heading's GitHub slug;
//   links with a scheme (https:, mailto:) are not fetched;
// - ```ts, ```tsx, ```js, and the inline module scripts of ```html blocks: type-checked
//   together with tsc against dist/ (`livecart` and its subpaths resolve through
//   package.json's "exports", as in an app). Snippets leave out what a page has anyway:
//   `products` and `publisherJwt` are declared for them (SNIPPET_GLOBALS), null checks
//   are not asked for (strictNullChecks off), and untyped parameters are allowed;
// - ```html: parsed (parse5); every custom element is one custom-elements.json declares,
//   each of its attributes one it declares (or a global HTML attribute), and a value of
//   an attribute typed as a union of strings is one of them;
// - ```json: parsed; a feed ({ "products": [...] }) goes through livecart's own reader
//   (dist/core/parse-feed.js) and must come out with no problem reported;
// - ```sh: each `npm start`, `npm test` and `npm run <script>` names a script of
//   package.json;
// - ```vue, ```svelte, ```astro and plain ``` blocks are not checked (the example apps
//   under examples/ are built and run by npm test); any other language fails, so that a
//   new kind of block is not left unchecked without a word.
// A block that cannot be checked as it stands has `<!-- docs-test: skip (the reason) -->`
// on the line before it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFragment } from 'parse5';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const CHECKED = new Set(['ts', 'tsx', 'js', 'html', 'json', 'sh']);
const UNCHECKED = new Set(['', 'vue', 'svelte', 'astro']);
const SKIP = /^<!--\s*docs-test:\s*skip\s*\((.+)\)\s*-->$/;

const distMissing = () =>
  existsSync(join(root, 'dist/index.d.ts')) && existsSync(join(root, 'dist/core/parse-feed.js'))
    ? null
    : 'dist/ is missing (or has no declarations): run `npm run build` first (npm test does)';

/** Splits a page into its prose (fenced blocks blanked, line numbers kept) and its fenced blocks. */
function readPage(path) {
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  const prose = [];
  const blocks = [];
  let open = null;
  lines.forEach((line, index) => {
    if (open) {
      const close = line.match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
        blocks.push(open);
        open = null;
      } else open.code.push(line);
      prose.push('');
      return;
    }
    const start = line.match(/^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/);
    if (start) {
      let before = index - 1;
      while (before >= 0 && !lines[before].trim()) before--;
      const skip = before >= 0 ? lines[before].trim().match(SKIP) : null;
      open = { page: path, line: index + 1, fence: start[1], lang: start[2].toLowerCase(), code: [], skip: skip?.[1] ?? null };
      prose.push('');
      return;
    }
    prose.push(line);
  });
  assert.equal(open, null, `${path}:${open?.line}: a code block is never closed`);
  return { prose, blocks: blocks.map((b) => ({ ...b, code: b.code.join('\n') })) };
}

/** Inline code spans out (`` ` ```ts ` `` included), keeping the line count. */
const withoutCodeSpans = (text) => text.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (m) => m.replace(/[^\n]/g, ' '));

/** GitHub's heading anchors: the heading's text, lowercased, punctuation out, spaces to hyphens; repeats get -1, -2. */
function slugs(path) {
  const seen = new Map();
  const out = new Set();
  for (const line of readPage(path).prose) {
    const heading = line.match(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!heading) continue;
    const text = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .replace(/<\/?[a-z][^>]*>/gi, (tag) => (/^<\/?[a-z]+-/.test(tag) ? tag : ''))
      .replace(/[*_~]/g, (c) => (c === '_' ? c : ''));
    let slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    if (count) slug = `${slug}-${count}`;
    out.add(slug);
  }
  return out;
}

test('every relative link of the README and docs/ leads to a file, and every #anchor to a heading', () => {
  const problems = [];
  let checked = 0;
  for (const page of pages) {
    const text = withoutCodeSpans(readPage(page).prose.join('\n'));
    for (const match of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1];
      const line = text.slice(0, match.index).split('\n').length;
      const where = `${page}:${line}: ${target}`;
      if (/^[a-z][a-z+.-]*:/i.test(target)) {
        if (!/^(https?|mailto):/i.test(target)) problems.push(`${where}: a scheme a reader's browser may not open`);
        continue;
      }
      checked++;
      const [file, anchor] = target.split('#');
      const path = file ? resolve(root, dirname(page), decodeURIComponent(file)) : join(root, page);
      if (!path.startsWith(root)) problems.push(`${where}: outside the repository`);
      else if (!existsSync(path)) problems.push(`${where}: no such file (${relative(root, path)})`);
      else if (anchor !== undefined) {
        if (!path.endsWith('.md') || statSync(path).isDirectory()) problems.push(`${where}: an anchor into a file that is not markdown`);
        else if (!slugs(relative(root, path)).has(decodeURIComponent(anchor))) problems.push(`${where}: no heading with that anchor in ${relative(root, path)}`);
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} relative links found: is the link reader broken?`);
  assert.deepEqual(problems, [], `broken links:\n${problems.join('\n')}`);
});

test('every code block is of a language this test checks (or says why it is skipped)', () => {
  const problems = [];
  for (const page of pages)
    for (const block of readPage(page).blocks)
      if (!CHECKED.has(block.lang) && !UNCHECKED.has(block.lang)) problems.push(`${page}:${block.line}: \`\`\`${block.lang} is neither checked nor known to be left alone`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

const allBlocks = () => pages.flatMap((page) => readPage(page).blocks).filter((block) => !block.skip);

// --- html -------------------------------------------------------------------------------------

const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => [d.tagName, d]),
);
const GLOBAL_ATTRIBUTES = new Set(
  'accesskey autocapitalize autofocus class contenteditable dir draggable enterkeyhint exportparts hidden id inert inputmode is itemid itemprop itemref itemscope itemtype lang nonce part popover role slot spellcheck style tabindex title translate'.split(' '),
);
/** The string literals of a union type such as `'split' | 'overlay' | ''`, or null when it is not only those (and null/undefined). */
function literals(typeText = '') {
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'null' && p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}
function* walk(node) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* walk(child);
  }
  if (node.content) yield* walk(node.content);
}

/** The inline module scripts of the html blocks, as js snippets of their own. */
const moduleScripts = () =>
  allBlocks()
    .filter((b) => b.lang === 'html')
    .flatMap((block) =>
      [...walk(parseFragment(block.code, { sourceCodeLocationInfo: true }))]
        .filter((node) => node.tagName === 'script' && !node.attrs.some((a) => a.name === 'src') && node.attrs.find((a) => a.name === 'type')?.value === 'module')
        .map((node) => ({
          ...block,
          // Lines counted from the script's own first line (the one of its start tag).
          line: block.line + (node.childNodes[0]?.sourceCodeLocation?.startLine ?? 1) - 1,
          code: node.childNodes.map((c) => c.value ?? '').join(''),
          lang: 'js',
          what: 'module script of an html block',
        })),
    );

test('every html block parses, and uses only elements and attributes custom-elements.json declares', () => {
  const problems = [];
  let customSeen = 0;
  for (const block of allBlocks().filter((b) => b.lang === 'html')) {
    const where = `${block.page}:${block.line}`;
    const errors = [];
    const fragment = parseFragment(block.code, { onParseError: (error) => errors.push(error.code) });
    for (const code of errors) problems.push(`${where}: HTML parse error ${code}`);
    for (const node of walk(fragment)) {
      if (!node.tagName) continue;
      if (!node.tagName.includes('-')) continue;
      customSeen++;
      const declared = elements.get(node.tagName);
      if (!declared) {
        problems.push(`${where}: <${node.tagName}> is not in custom-elements.json`);
        continue;
      }
      for (const { name, value } of node.attrs) {
        if (GLOBAL_ATTRIBUTES.has(name) || /^(aria|data)-/.test(name)) continue;
        const attribute = (declared.attributes ?? []).find((a) => a.name === name);
        if (!attribute) {
          problems.push(`${where}: <${node.tagName}> has no attribute ${name}`);
          continue;
        }
        const allowed = literals(attribute.type?.text);
        if (allowed && !allowed.includes(value)) problems.push(`${where}: <${node.tagName} ${name}="${value}">: not one of ${allowed.map((v) => `"${v}"`).join(', ')}`);
      }
    }
  }
  assert.ok(customSeen > 3, 'no custom element found in the html blocks: is the block reader broken?');
  assert.deepEqual(problems, [], problems.join('\n'));
});

// --- json -------------------------------------------------------------------------------------

test('every json block parses, and a feed goes through livecart’s reader with no problem', async () => {
  const missing = distMissing();
  assert.equal(missing, null, missing);
  const { parseFeed } = await import('../../dist/core/parse-feed.js');
  const problems = [];
  let feeds = 0;
  for (const block of allBlocks().filter((b) => b.lang === 'json')) {
    const where = `${block.page}:${block.line}`;
    let value;
    try {
      value = JSON.parse(block.code);
    } catch (error) {
      problems.push(`${where}: not JSON: ${error.message}`);
      continue;
    }
    if (!Array.isArray(value?.products)) continue;
    feeds++;
    const result = await parseFeed(block.code, 'https://shop.example/feeds/show.json');
    if (result.products.length !== value.products.length) problems.push(`${where}: ${value.products.length} items, ${result.products.length} products read`);
    for (const problem of result.problems ?? []) problems.push(`${where}: the feed reader reports ${JSON.stringify(problem)}`);
  }
  assert.ok(feeds > 0, 'no feed example found among the json blocks');
  assert.deepEqual(problems, [], problems.join('\n'));
});

// --- sh ---------------------------------------------------------------------------------------

test('every npm script a sh block runs is one package.json has', () => {
  const problems = [];
  for (const block of allBlocks().filter((b) => b.lang === 'sh')) {
    for (const [line, index] of block.code.split('\n').map((l, i) => [l.replace(/#.*/, ''), i])) {
      for (const match of line.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(start|test|stop|restart)\b)/g)) {
        const script = match[1] ?? match[2];
        if (!pkg.scripts[script]) problems.push(`${block.page}:${block.line + 1 + index}: npm script "${script}" is not in package.json`);
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

// --- ts / tsx / js ----------------------------------------------------------------------------

/** What the snippets take for granted: the page's own data. */
const SNIPPET_GLOBALS = `import type {} from 'livecart/types/react';
declare global {
  /** The show's products, as the page has them: feed items. */
  const products: readonly Record<string, unknown>[];
  /** A Mercure publisher JWT the producer's page fetched. */
  const publisherJwt: string;
}
export {};
`;

let scratch = null;
after(() => scratch && rmSync(scratch, { recursive: true, force: true }));

test('every ts, tsx and js snippet (and inline module script) type-checks against the package', async (t) => {
  const missing = distMissing();
  assert.equal(missing, null, missing);
  // Classic inline scripts (the configure() stub) are not type-checked: the browser tests
  // run that stub (test/fixtures/script-tag.html, test/store/config.test.ts).
  const snippets = [...allBlocks().filter((b) => ['ts', 'tsx', 'js'].includes(b.lang)), ...moduleScripts()];
  assert.ok(snippets.length > 5, `only ${snippets.length} snippets found: is the block reader broken?`);
  // Inside the repository, so that `livecart` resolves to this package by its own name
  // (its "exports"), and react, lit and @lit-labs/* from its node_modules. Ignored by git.
  scratch = mkdtempSync(join(root, '.docs-snippets-'));
  const files = snippets.map((snippet, index) => {
    const name = `${String(index).padStart(2, '0')}-${snippet.page.replace(/[/.]/g, '_')}-L${snippet.line}.${snippet.lang}`;
    writeFileSync(join(scratch, name), snippet.code);
    return { name, snippet };
  });
  writeFileSync(join(scratch, 'snippet-globals.d.ts'), SNIPPET_GLOBALS);
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        moduleDetection: 'force',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        strictNullChecks: false,
        noImplicitAny: false,
        allowJs: true,
        checkJs: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['snippet-globals.d.ts', ...files.map((f) => f.name)],
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(scratch, 'tsconfig.json'), '--pretty', 'false'], { cwd: scratch }).catch((error) => error);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // tsc names the scratch file and a line in it; say the page and the page's line instead.
  const readable = files.reduce(
    (text, { name, snippet }) =>
      text.replace(new RegExp(`${name.replace(/[.]/g, '\\.')}\\((\\d+),(\\d+)\\)`, 'g'), (_, line, column) => `${snippet.page}:${snippet.line + Number(line)}:${column} (${snippet.what ?? `\`\`\`${snippet.lang} block`})`),
    output,
  );
  assert.equal(result.code ?? 0, 0, `snippets that do not type-check:\n${readable}`);
  t.diagnostic(`${snippets.length} snippets type-checked`);
});

test("the README's snippet carries the style that reserves the show's box, as it is in the source", () => {
  const css = readFileSync(join(root, 'src/elements/live-stream/reserved-box.css'), 'utf8').trim();
  const snippet = readPage('README.md').blocks.find((block) => block.lang === 'html');
  assert.ok(snippet.code.includes(`<style>\n${css}\n</style>`), 'README.md: the first html block has src/elements/live-stream/reserved-box.css verbatim in a <style>');
});
