/** The cart dialog's English words: in its chunk, fetched only by pages with a cart. */
export const cartEnglish = {
  checkout: 'Checkout',
  remove: 'Remove',
  quantity: 'Quantity',
  subtotal: 'Subtotal',
  emptyCart: 'Your cart is empty.',
  close: 'Close',
  increase: 'One more',
  decrease: 'One fewer',
  cartError: 'The cart could not be updated.',
  cartPageOnly: 'This cart is kept on this page only.',
  lineUnavailable: 'No longer available',
  removeUnavailable: 'Remove what is no longer available to check out.',
};
