// Writes the framework types of livecart's elements from custom-elements.json, so they
// cannot drift from the elements: run by `npm run manifest` (the last step of `npm run
// build`), after `cem analyze` and tsc. Each file is types only, exported as
//   livecart/types/react   dist/types/react.d.ts   React 19 `JSX.IntrinsicElements`
//   livecart/types/vue     dist/types/vue.d.ts     Vue 3 `GlobalComponents`
//   livecart/types/svelte  dist/types/svelte.d.ts  Svelte 5 `svelteHTML.IntrinsicElements`
// A page picks one with `import type {} from 'livecart/types/react'`, a
// `/// <reference types="livecart/types/react" />` or tsconfig `"types"`. Beside each is an
// empty module (dist/types/react.js), so that a plain `import 'livecart/types/react'`,
// which a bundler keeps, resolves too.
//
// The manifest says which fields are public settings (attributes and settable properties)
// and which events each element fires; their types are the element classes' own
// (`LiveStream['products']`) and livecart's event map (`LivecartEventMap[...]`), imported
// from the build's declarations, so the manifest's type strings are never copied.
// `node scripts/framework-types.mjs --check` exits 1 when dist/types is not current.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const outDir = new URL('dist/types/', root);

/** The order of `LivecartEventMap` (src/core/events.ts), for stable output. */
const EVENT_ORDER = [
  'livecart-ready',
  'livecart-featured-change',
  'livecart-add-to-cart',
  'livecart-cart-change',
  'livecart-checkout',
  'livecart-pip-change',
  'livecart-error',
  'livecart-chat-message',
];
/**
 * Elements that render others in their shadow DOM: the events those fire bubble out of it
 * (every livecart event is composed), so a listener on the outer element hears them.
 */
export const HOLDS = {
  'live-stream': ['pip-player', 'shop-carousel', 'buy-now-button', 'cart-view', 'show-chat'],
  'shop-carousel': ['buy-now-button'],
};
/**
 * A show's own events (src/store/show.ts) come from its `<live-stream>`, or, in a show
 * with none, from its first element: a `<pip-player>` or `<shop-carousel>` used alone.
 * `livecart-cart-change` is dispatched on `document`, never on an element.
 */
const SHOW_EVENTS = ['livecart-ready', 'livecart-featured-change'];
const SHOW_ALONE = ['pip-player', 'shop-carousel'];

const byEventOrder = (a, b) => (EVENT_ORDER.indexOf(a) + 1 || 99) - (EVENT_ORDER.indexOf(b) + 1 || 99);
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^\w/, (c) => c.toUpperCase());
/** A JSDoc comment, one line per line of the manifest's description. */
const doc = (text, indent) =>
  text ? `${indent}/** ${text.trim().replace(/\*\//g, '*\\/').split(/\s*\n\s*/).join(`\n${indent} * `)} */\n` : '';
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * The elements of the manifest with their public settings and events:
 * `{ tag, className, from, description, props: [{ name, field, description }], events }`.
 * `from` is the build module (relative to dist/types/) that exports the class: the
 * `livecart` entry when it re-exports it, else the element's own define module.
 */
export function elementsOf(manifest) {
  const modules = manifest.modules ?? [];
  const entry = modules.find((m) => m.path === 'src/index.ts');
  const fromEntry = new Set((entry?.exports ?? []).map((e) => e.name));
  const declared = modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ d, path: m.path })));
  const elements = declared
    .filter(({ d }) => d.customElement && d.tagName)
    .map(({ d }) => {
      const define = modules.find((m) => m.path.startsWith('src/define/') && (m.exports ?? []).some((e) => e.name === d.name));
      if (!fromEntry.has(d.name) && !define) throw new Error(`framework-types: no entry exports ${d.name} <${d.tagName}>`);
      const from = fromEntry.has(d.name) ? '../index.js' : `../${define.path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
      const fields = new Map((d.members ?? []).filter((m) => m.kind === 'field' && !m.static).map((m) => [m.name, m]));
      const settable = (m) =>
        m &&
        m.privacy !== 'private' &&
        m.privacy !== 'protected' &&
        !m.readonly &&
        !/^read-only/i.test(m.description ?? '') &&
        /^[A-Za-z]\w*$/.test(m.name);
      const props = [];
      for (const a of d.attributes ?? []) {
        const field = fields.get(a.fieldName);
        if (a.fieldName && settable(field)) props.push({ name: a.fieldName, attribute: a.name, description: field.description ?? a.description });
      }
      // Settable properties without an attribute (typed: an untyped field is a bound method).
      for (const m of fields.values()) {
        if (settable(m) && m.type && !props.some((p) => p.name === m.name)) props.push({ name: m.name, attribute: null, description: m.description });
      }
      return { tag: d.tagName, className: d.name, from, description: d.summary ?? d.description ?? '', props, fired: (d.events ?? []).map((e) => e.name) };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const fired = new Map(elements.map((e) => [e.tag, e.fired]));
  for (const e of elements) {
    const heard = new Set(e.fired);
    for (const inner of HOLDS[e.tag] ?? []) for (const name of fired.get(inner) ?? []) heard.add(name);
    if (SHOW_ALONE.includes(e.tag)) for (const name of SHOW_EVENTS) heard.add(name);
    for (const name of heard) if (!EVENT_ORDER.includes(name)) throw new Error(`framework-types: <${e.tag}> fires ${name}, not in LivecartEventMap`);
    e.events = [...heard].sort(byEventOrder);
    delete e.fired;
  }
  return elements;
}

const HEADER = (framework, how) => `// Generated by scripts/framework-types.mjs from custom-elements.json: do not edit.
// livecart's elements for ${framework}: ${how}
`;

/** `import type { LiveStream, LivecartEventMap } from '../index.js'` and the others' define modules. */
function imports(elements) {
  const from = new Map([['../index.js', ['LivecartEventMap']]]);
  for (const e of elements) from.set(e.from, [...(from.get(e.from) ?? []), e.className]);
  return [...from].map(([path, names]) => `import type { ${names.join(', ')} } from '${path}';`).join('\n');
}

const union = (events) => (events.length ? events.map((n) => `'${n}'`).join(' | ') : 'never');

/**
 * One `<Name>Attributes` type per element: its settings by property name, and by
 * attribute name where that differs (`link-target`: what a server-rendered page needs,
 * since a property name there becomes a lower-cased attribute), each typed as the
 * element's property.
 */
function settingsType(e, { attributes }) {
  const lines = [];
  for (const p of e.props) {
    lines.push(`${doc(p.description, '  ')}  ${key(p.name)}?: ${e.className}['${p.name}'];`);
    if (attributes && p.attribute && p.attribute !== p.name) lines.push(`  ${key(p.attribute)}?: ${e.className}['${p.name}'];`);
  }
  return `${doc(`The settings of \`<${e.tag}>\`.`, '')}export interface ${e.className}Attributes {\n${lines.join('\n')}\n}`;
}

export function reactTypes(elements) {
  return `${HEADER('React 19', `\`<live-stream products={items} onlivecart-featured-change={(e) => ...} />\`.
// React 19 sets a custom element's props as properties (arrays included) and makes
// \`on<event-name>\` props event listeners. After server rendering it applies neither on
// hydration (facebook/react#35446): use livecart/react there, or attribute names.`)}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports(elements)}

/** \`on<event-name>\` listeners, typed by livecart's event map. */
export type LivecartEventProps<K extends keyof LivecartEventMap> = {
  [E in K as \`on\${E}\`]?: (event: LivecartEventMap[E]) => void;
};
/** React's props of an HTML element (ref, key, children, className, style, ...), with an element's own. */
export type LivecartElementProps<El extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<El>, El>, keyof Own> &
  Own & { class?: string };

${elements.map((e) => settingsType(e, { attributes: true })).join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements
  .map(
    (e) =>
      `${doc(e.description, '      ')}      '${e.tag}': LivecartElementProps<${e.className}, ${e.className}Attributes & LivecartEventProps<${union(e.events)}>>;`,
  )
  .join('\n')}
    }
  }
}
`;
}

export function vueTypes(elements) {
  return `${HEADER('Vue 3', `\`<live-stream :products="items" @livecart-featured-change="onFeatured" />\`,
// checked by vue-tsc (strictTemplates too). As the Vue guide does for custom elements not
// built with Vue: \`$props\` and \`$emit\` exist for template types only.
// Vue sets a prop as the element's property when it has one, so \`:products\` takes an array.`)}
import type { AllowedComponentProps, ComponentCustomProps, EmitFn, HTMLAttributes, VNodeProps } from 'vue';
${imports(elements)}

/** An element as Vue's template type checking reads a component. */
export type LivecartVueElement<El extends HTMLElement, Own, K extends keyof LivecartEventMap> = new () => El & {
  /** @deprecated For template types only: no such property exists on the element. */
  $props: Omit<HTMLAttributes, keyof Own> & Own & VNodeProps & AllowedComponentProps & ComponentCustomProps;
  /** @deprecated For template types only: no such property exists on the element. */
  $emit: EmitFn<{ [E in K]: (event: LivecartEventMap[E]) => void }>;
};

${elements.map((e) => settingsType(e, { attributes: false })).join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${elements
  .map((e) => `${doc(e.description, '    ')}    '${e.tag}': LivecartVueElement<${e.className}, ${e.className}Attributes, ${union(e.events)}>;`)
  .join('\n')}
  }
}
`;
}

export function svelteTypes(elements) {
  return `${HEADER('Svelte 5', `\`<live-stream products={items} onlivecart-featured-change={(e) => ...} />\`,
// checked by svelte-check. Svelte sets a prop as the element's property when it has one,
// so \`products\` takes an array; \`on<event-name>\` attributes are listeners (\`on:\` too).`)}
import type { HTMLAttributes } from 'svelte/elements';
${imports(elements)}

/** \`on<event-name>\` (Svelte 5) and \`on:<event-name>\` listeners, typed by livecart's event map. */
export type LivecartEventAttributes<El extends HTMLElement, K extends keyof LivecartEventMap> = {
  [E in K as \`on\${E}\` | \`on:\${E}\`]?: ((event: LivecartEventMap[E] & { currentTarget: El }) => void) | null;
};
/** Svelte's attributes of an HTML element (class, style, bind:this, ...), with an element's own. */
export type LivecartSvelteElement<El extends HTMLElement, Own> = Omit<HTMLAttributes<El>, keyof Own> & Own;

${elements.map((e) => settingsType(e, { attributes: true })).join('\n\n')}

declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
${elements
  .map(
    (e) =>
      `${doc(e.description, '      ')}      '${e.tag}': LivecartSvelteElement<${e.className}, ${e.className}Attributes & LivecartEventAttributes<${e.className}, ${union(e.events)}>>;`,
  )
  .join('\n')}
    }
  }
}
`;
}

const EMPTY = '// Types only: see the .d.ts beside this file.\nexport {};\n';

export const FILES = { 'react.d.ts': reactTypes, 'vue.d.ts': vueTypes, 'svelte.d.ts': svelteTypes };

async function main() {
  const check = process.argv.includes('--check');
  const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
  const elements = elementsOf(manifest);
  await mkdir(outDir, { recursive: true });
  const stale = [];
  for (const [name, make] of Object.entries(FILES)) {
    const file = new URL(name, outDir);
    const text = make(elements);
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => null);
      if (current !== text) stale.push(`dist/types/${name}`);
    } else {
      await writeFile(file, text);
      await writeFile(new URL(name.replace(/\.d\.ts$/, '.js'), outDir), EMPTY);
    }
  }
  if (stale.length) {
    console.error(`not current (run \`npm run manifest\`): ${stale.join(', ')}`);
    process.exitCode = 1;
  } else if (!check) console.log(`framework types: dist/types/{${Object.keys(FILES).join(',')}} for ${elements.map((e) => `<${e.tag}>`).join(' ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
