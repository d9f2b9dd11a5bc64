import { getShow } from 'livecart';
import 'livecart';
import { currentLook, startPageLook } from './page-look.js';

startPageLook();

// A retailer's product page: it reads the same feed, so the buy button finds its product.
const id = new URLSearchParams(location.search).get('id') ?? '';
const show = getShow();
const carousel = document.createElement('shop-carousel');
carousel.products = 'products.json';
carousel.hidden = true;
document.body.append(carousel);
document.querySelector('buy-now-button')!.product = id;

show.$products.subscribe(() => {
  const product = show.product(id);
  if (!product) return;
  document.title = `Fjellvik Outdoor — ${product.title}`;
  document.querySelector('#product-title')!.textContent = product.title;
  document.querySelector('#product-description')!.textContent = product.description ?? '';
  const price = product.sale_price ?? product.price;
  document.querySelector('#product-price')!.textContent = new Intl.NumberFormat(currentLook().lang, {
    style: 'currency',
    currency: price.currency,
  }).format(price.value);
  if (product.image_link) document.querySelector<HTMLImageElement>('#product-image')!.src = product.image_link;
});
