// The browser side of a page test/ssr/render-page.mjs rendered: before livecart loads it
// keeps what the server drew (window.serverDrawn), so a test can tell a hydrated shadow
// root (the same nodes) from one drawn anew; then it loads Lit's hydrate support (if
// asked) and livecart, as a storefront's client bundle does.
const query = new URLSearchParams(new URL(import.meta.url).search);
const cardTitles = () =>
  [...(document.querySelector('live-stream')?.shadowRoot?.querySelector('shop-carousel')?.shadowRoot?.querySelectorAll('[part~="title"]') ?? [])];
const win = window as unknown as { serverDrawn: Element[]; livecartLoaded: Promise<void> };
win.serverDrawn = cardTitles();
if (query.get('products')) {
  const products = JSON.parse(document.getElementById('products')!.textContent!);
  for (const el of document.querySelectorAll('live-stream')) (el as HTMLElement & { products: unknown }).products = products;
}
win.livecartLoaded = (async () => {
  if (query.get('hydrate')) await import('@lit-labs/ssr-client/lit-element-hydrate-support.js');
  await import('../../src/index.js');
})();
