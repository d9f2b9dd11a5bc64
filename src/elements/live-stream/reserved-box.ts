/**
 * The box a `<live-stream>` takes once rendered, reserved before its script has run: a
 * snippet pasted in a page's `<body>` shows nothing until the module arrives, and the page
 * under it would jump down by the show's height (CLS 0.2 at 1280 px, 0.6 at 390). With this
 * style first, the page lays out around the show's final box from its first paint.
 *
 * Each height mirrors live-stream.styles.ts (a test compares them at several widths):
 * - split (from 760 px wide, or `layout="split"`): the stage, a 16:9 video in 3 of 5 columns
 *   (3 of 7 with a slotted feed), the gap and the 68 px banner; never under the catalog
 *   column's 232 px;
 * - stacked (narrower, no layout): the video at full width, the banner, the 402 px product
 *   strip and three gaps (one for the empty feed row);
 * - `layout="overlay"`: the same without the banner's row (it sits over the video).
 *
 * `cqw` is 1 % of the element's own content width: the `::before` is its child.
 */
const gap = 'var(--livecart-gap,12px)';
const split = `max(33.75cqw + 0.6625*${gap} + 68px,232px)`;
const splitWithFeed = `max(24.1071cqw + 0.5179*${gap} + 68px,232px)`;

// Each width's height lives in its own container query, so none applies to another width
// even for a frame (Firefox lays out once with a scrollbar a too-tall box brings, and keeps
// the narrower width's query results).
export const reservedBoxCss = [
  'live-stream:not(:defined){display:block;container-type:inline-size}',
  'live-stream:not(:defined)::before{content:"";display:block}',
  `@container (max-width:759.98px){live-stream:not(:defined)::before{height:calc(56.25cqw + 3*${gap} + 470px)}}`,
  `@container (min-width:760px){live-stream:not(:defined)::before{height:${split}}`,
  `live-stream:not(:defined):has(>[slot=feed])::before{height:${splitWithFeed}}}`,
  `live-stream[layout=split]:not(:defined)::before{height:${split}}`,
  `live-stream[layout=split]:not(:defined):has(>[slot=feed])::before{height:${splitWithFeed}}`,
  `live-stream[layout=overlay]:not(:defined)::before{height:calc(56.25cqw + 2*${gap} + 402px)}`,
].join('\n');
