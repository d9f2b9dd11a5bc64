/** The producer's console's English words: in dist/show-console.js, never on a shopper's page. */
export const consoleEnglish = {
  featureNow: 'Feature now',
  featured: 'Featured',
  clear: 'Clear',
  featuredNow: 'Featured now',
  nothingFeatured: 'Nothing featured',
  searchProducts: 'Search products',
  moreProducts: '{count} more: search to narrow',
  publishQueue: 'Not yet published',
  publishWaiting: 'Waiting',
  publishFailed: 'Failed ({error}), next try {time}',
  publishRetrying: 'Retrying',
  previewOnly: 'Preview only: no publish URL',
  notDelivered: 'Sending to viewers…',
  notDeliveredFailed: 'Not with viewers yet: {error}. Next try {time}.',
};
