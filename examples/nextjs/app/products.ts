// The show's catalog, with Google Merchant Center field names. Links and images are this
// site's own pages and files (livecart only follows http(s) URLs; relative ones resolve
// against the page).
export const products = [
  {
    id: 'aurora-jacket',
    title: 'Aurora Shell Jacket',
    link: '/products/aurora-jacket',
    image_link: '/images/aurora-jacket.svg',
    price: '179.00 EUR',
    sale_price: '149.00 EUR',
    availability: 'in_stock',
  },
  {
    id: 'ember-mug',
    title: 'Ember Enamel Mug',
    link: '/products/ember-mug',
    image_link: '/images/ember-mug.svg',
    price: '24.00 EUR',
    availability: 'in_stock',
  },
  {
    id: 'fjord-beanie',
    title: 'Fjord Merino Beanie',
    link: '/products/fjord-beanie',
    image_link: '/images/fjord-beanie.svg',
    price: '32.00 EUR',
    availability: 'in_stock',
  },
]
