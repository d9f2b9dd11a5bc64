// Draws the layers of the show's studio scene as SVG files, which make-fixtures.sh
// rasterises (ffmpeg's librsvg decoder) and moves with overlay expressions: the set, a
// presenter whose head bobs, talks and blinks, the table, and one product per slot.
//   node demo/channel/scene.mjs <out dir>
// Everything is drawn here, so the fixture needs no downloaded asset. Product colours
// follow demo/public/images/*.svg.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
mkdirSync(dir, { recursive: true });
const svg = (w, h, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
const write = (name, w, h, body) => writeFileSync(join(dir, `${name}.svg`), svg(w, h, body));

// The set, 640×360: a warm wall, a window on a snowy ridge at dusk, a shelf of kit,
// two pendant lamps and a soft key light behind the presenter.
write(
  'set',
  640,
  360,
  `<defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b1c15"/><stop offset="0.7" stop-color="#5b3a27"/><stop offset="1" stop-color="#6b4630"/>
    </linearGradient>
    <radialGradient id="key" cx="0.42" cy="0.45" r="0.5">
      <stop offset="0" stop-color="#ffd9a8" stop-opacity="0.55"/><stop offset="1" stop-color="#ffd9a8" stop-opacity="0"/>
    </radialGradient>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1e3a5f"/><stop offset="0.65" stop-color="#c2708a"/><stop offset="1" stop-color="#f4a261"/>
    </linearGradient>
    <radialGradient id="glow" r="0.5"><stop offset="0" stop-color="#ffe7b3" stop-opacity="0.7"/><stop offset="1" stop-color="#ffe7b3" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="640" height="360" fill="url(#wall)"/>
  <g stroke="#000" stroke-opacity="0.12" stroke-width="2">${Array.from({ length: 16 }, (_, i) => `<line x1="${20 + i * 40}" y1="0" x2="${20 + i * 40}" y2="360"/>`).join('')}</g>
  <rect width="640" height="360" fill="url(#key)"/>
  <rect x="26" y="46" width="150" height="176" rx="4" fill="#3a2618"/>
  <rect x="34" y="54" width="134" height="160" fill="url(#sky)"/>
  <path d="M34 180 L70 128 L92 150 L124 104 L168 164 L168 214 L34 214 Z" fill="#e8eef7"/>
  <path d="M70 128 L80 142 L74 140 L64 146 Z M124 104 L138 124 L128 120 L116 128 Z" fill="#ffffff"/>
  <path d="M34 196 L60 176 L96 190 L130 170 L168 188 L168 214 L34 214 Z" fill="#9fb3cc"/>
  <path d="M34 214 L34 200 L50 196 L54 186 L58 196 L80 200 L86 188 L90 200 L168 206 L168 214 Z" fill="#26394f"/>
  <circle cx="148" cy="78" r="6" fill="#fff5d6" opacity="0.85"/>
  <rect x="98" y="54" width="6" height="160" fill="#3a2618"/><rect x="34" y="130" width="134" height="5" fill="#3a2618"/>
  <rect x="20" y="220" width="162" height="8" rx="2" fill="#2e1e13"/>
  <rect x="440" y="132" width="176" height="8" rx="2" fill="#3a2618"/>
  <rect x="452" y="98" width="30" height="34" rx="6" fill="#be123c"/><rect x="452" y="100" width="30" height="6" fill="#9f1239"/>
  <rect x="490" y="84" width="16" height="48" rx="3" fill="#15803d"/><rect x="508" y="92" width="16" height="40" rx="3" fill="#1d4ed8"/><rect x="526" y="88" width="14" height="44" rx="3" fill="#d97706"/>
  <path d="M566 132 q-6 -30 10 -42 q10 16 4 42 z" fill="#166534"/><path d="M574 132 q8 -26 26 -30 q-2 20 -16 30 z" fill="#15803d"/>
  <rect x="560" y="112" width="36" height="20" rx="4" fill="#92400e"/>
  <line x1="380" y1="0" x2="380" y2="40" stroke="#1a120d" stroke-width="2"/><path d="M364 54 q16 -22 32 0 z" fill="#1a120d"/>
  <line x1="600" y1="0" x2="600" y2="30" stroke="#1a120d" stroke-width="2"/><path d="M584 44 q16 -22 32 0 z" fill="#1a120d"/>
  <ellipse cx="380" cy="62" rx="44" ry="26" fill="url(#glow)"/><ellipse cx="600" cy="52" rx="44" ry="26" fill="url(#glow)"/>
  <ellipse cx="380" cy="55" rx="10" ry="3" fill="#fff3c4"/><ellipse cx="600" cy="45" rx="10" ry="3" fill="#fff3c4"/>`,
);

// The presenter's body, in a Nordic knit: shoulders, a patterned yoke, neck. The table hides
// the rest.
const yoke = Array.from({ length: 13 }, (_, i) => {
  const x = 168 + i * 13;
  return `<path d="M${x} 244 l6.5 -8 l6.5 8 l-6.5 8 z" fill="#f1ece1"/>`;
}).join('');
write(
  'body',
  640,
  360,
  `<defs><clipPath id="torso"><path d="M150 300 C150 240 170 222 215 214 L285 214 C330 222 350 240 350 300 Z"/></clipPath></defs>
  <rect x="233" y="176" width="34" height="46" rx="10" fill="#d9a07c"/>
  <path d="M233 198 q17 14 34 0 v10 q-17 12 -34 0 z" fill="#b97f5e"/>
  <path d="M150 300 C150 240 170 222 215 214 L285 214 C330 222 350 240 350 300 Z" fill="#1f4d3a"/>
  <g clip-path="url(#torso)">
    <rect x="140" y="226" width="220" height="6" fill="#f1ece1"/>${yoke}<rect x="140" y="256" width="220" height="6" fill="#f1ece1"/>
    <rect x="140" y="232" width="220" height="2" fill="#b4232c"/><rect x="140" y="254" width="220" height="2" fill="#b4232c"/>
  </g>
  <path d="M226 214 q24 20 48 0" fill="none" stroke="#163a2b" stroke-width="8" stroke-linecap="round"/>`,
);

// The head, on its own 120×140 canvas so it can bob; the talking mouth and the blink are
// drawn on the same canvas and follow it.
const HEAD = (body) => svg(120, 140, body);
writeFileSync(
  join(dir, 'head.svg'),
  HEAD(`<path d="M16 70 C10 22 40 4 62 6 C92 8 110 30 104 76 C104 98 112 118 98 128 L88 80 L32 80 L22 128 C8 116 16 96 16 70 Z" fill="#7a3e1d"/>
  <ellipse cx="20" cy="74" rx="7" ry="11" fill="#d39a76"/><ellipse cx="100" cy="74" rx="7" ry="11" fill="#d39a76"/>
  <ellipse cx="60" cy="70" rx="38" ry="46" fill="#e3ac86"/>
  <path d="M22 60 C20 26 44 14 62 16 C84 16 100 30 98 58 C86 42 70 34 52 36 C40 38 30 46 22 60 Z" fill="#8a4722"/>
  <ellipse cx="38" cy="88" rx="8" ry="5" fill="#e98b7a" opacity="0.45"/><ellipse cx="82" cy="88" rx="8" ry="5" fill="#e98b7a" opacity="0.45"/>
  <path d="M38 60 q8 -5 16 0 M66 60 q8 -5 16 0" fill="none" stroke="#5a2d14" stroke-width="3" stroke-linecap="round"/>
  <ellipse cx="46" cy="71" rx="4.5" ry="5.5" fill="#2a1a12"/><ellipse cx="74" cy="71" rx="4.5" ry="5.5" fill="#2a1a12"/>
  <circle cx="47.5" cy="69" r="1.5" fill="#fff"/><circle cx="75.5" cy="69" r="1.5" fill="#fff"/>
  <path d="M60 74 q-4 10 0 12" fill="none" stroke="#b97f5e" stroke-width="2.5" stroke-linecap="round"/>
  <path d="M48 96 q12 9 24 0" fill="none" stroke="#9b3b3b" stroke-width="3.5" stroke-linecap="round"/>`),
);
writeFileSync(
  join(dir, 'mouth.svg'),
  HEAD(`<ellipse cx="60" cy="97" rx="14" ry="9" fill="#e3ac86"/>
  <path d="M48 94 q12 -3 24 0 q-2 12 -12 12 q-10 0 -12 -12 z" fill="#6b1f24"/>
  <path d="M50 95 q10 -2 20 0 v3 h-20 z" fill="#f8f4ee"/>`),
);
writeFileSync(
  join(dir, 'blink.svg'),
  HEAD(`<ellipse cx="46" cy="71" rx="6.5" ry="7.5" fill="#e3ac86"/><ellipse cx="74" cy="71" rx="6.5" ry="7.5" fill="#e3ac86"/>
  <path d="M40 72 q6 4 12 0 M68 72 q6 4 12 0" fill="none" stroke="#2a1a12" stroke-width="2.5" stroke-linecap="round"/>`),
);

// The table the products are shown on, in front of the presenter.
write(
  'table',
  640,
  360,
  `<defs>
    <linearGradient id="top" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b9804f"/><stop offset="1" stop-color="#8f5a33"/></linearGradient>
    <linearGradient id="front" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6a3f22"/><stop offset="1" stop-color="#3c2414"/></linearGradient>
  </defs>
  <path d="M-10 296 L40 272 L600 272 L650 296 Z" fill="url(#top)"/>
  <path d="M40 272 L600 272" stroke="#d9a574" stroke-width="2"/>
  <rect x="-10" y="296" width="660" height="70" fill="url(#front)"/>
  <rect x="-10" y="296" width="660" height="4" fill="#2c1a0e" opacity="0.6"/>`,
);

// One product per slot, 170×170 with its shadow on the table, in demo/public/images' colours;
// the jacket hangs on a small garment stand.
const shadow = '<ellipse cx="85" cy="158" rx="58" ry="8" fill="#000" opacity="0.28"/>';
const products = {
  'aurora-jacket': `
    <path d="M85 14 q-10 0 -10 10" fill="none" stroke="#cbd5e1" stroke-width="4" stroke-linecap="round"/>
    <path d="M30 156 V34 h110 V156 M20 156 h20 M130 156 h20" fill="none" stroke="#94a3b8" stroke-width="4" stroke-linecap="round"/>
    <path d="M62 30 h46 l30 22 l14 40 l-16 6 l-10 -30 v88 h-82 v-88 l-10 30 l-16 -6 l14 -40 z" fill="#0f766e"/>
    <path d="M62 30 q23 22 46 0 l-6 -6 q-17 12 -34 0 z" fill="#115e59"/>
    <path d="M85 40 v116" stroke="#ccfbf1" stroke-width="3"/>
    <path d="M62 96 h14 M94 96 h14" stroke="#134e4a" stroke-width="4" stroke-linecap="round"/>
    <path d="M48 64 l-4 30 M122 64 l4 30" stroke="#14b8a6" stroke-width="3" opacity="0.6"/>`,
  'ember-mug': `
    <path d="M68 30 q-8 -12 0 -22 M88 28 q-8 -12 0 -22" fill="none" stroke="#fde8c8" stroke-width="4" stroke-linecap="round" opacity="0.7"/>
    <path d="M118 72 h10 a22 22 0 0 1 0 44 h-10" fill="none" stroke="#b45309" stroke-width="12"/>
    <path d="M36 50 h84 v92 q0 14 -14 14 h-56 q-14 0 -14 -14 z" fill="#b45309"/>
    <ellipse cx="78" cy="50" rx="42" ry="9" fill="#f8f4ee"/><ellipse cx="78" cy="51" rx="36" ry="6" fill="#92400e"/>
    <path d="M46 66 v70" stroke="#f59e0b" stroke-width="6" stroke-linecap="round" opacity="0.45"/>
    <path d="M36 146 q0 10 14 10 h56 q14 0 14 -10" fill="none" stroke="#f8f4ee" stroke-width="3"/>`,
  'drift-backpack': `
    <path d="M62 34 q23 -30 46 0" fill="none" stroke="#1e3a8a" stroke-width="9" stroke-linecap="round"/>
    <rect x="34" y="30" width="102" height="126" rx="28" fill="#1d4ed8"/>
    <path d="M40 62 q45 -16 90 0" fill="none" stroke="#1e40af" stroke-width="5"/>
    <rect x="50" y="92" width="70" height="52" rx="10" fill="#1e40af"/>
    <path d="M54 104 h62" stroke="#93c5fd" stroke-width="3" stroke-dasharray="4 3"/>
    <rect x="76" y="118" width="18" height="10" rx="2" fill="#f59e0b"/>
    <path d="M44 44 v96" stroke="#3b82f6" stroke-width="5" stroke-linecap="round" opacity="0.6"/>`,
  'glow-lantern': `
    <defs><radialGradient id="halo" r="0.5"><stop offset="0" stop-color="#fde68a" stop-opacity="0.75"/><stop offset="1" stop-color="#fde68a" stop-opacity="0"/></radialGradient></defs>
    <circle cx="85" cy="92" r="80" fill="url(#halo)"/>
    <path d="M64 40 q21 -34 42 0" fill="none" stroke="#581c87" stroke-width="7" stroke-linecap="round"/>
    <rect x="58" y="36" width="54" height="12" rx="4" fill="#581c87"/>
    <rect x="52" y="46" width="66" height="104" rx="12" fill="#7e22ce"/>
    <rect x="64" y="60" width="42" height="72" rx="8" fill="#fde68a"/>
    <rect x="72" y="66" width="10" height="60" rx="5" fill="#fffbeb"/>
    <rect x="56" y="140" width="58" height="14" rx="4" fill="#581c87"/>`,
};
for (const [id, body] of Object.entries(products)) write(id, 170, 170, shadow + body);
