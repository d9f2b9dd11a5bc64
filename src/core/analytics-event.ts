// The analytics events livecart reports: GA4's e-commerce shape, which tags already read.

/** GA4's e-commerce item. */
export interface AnalyticsItem {
  item_id: string;
  item_name: string;
  item_brand?: string;
  item_variant?: string;
  price: number;
  quantity: number;
}
export interface AnalyticsEvent {
  event: 'view_item' | 'add_to_cart' | 'begin_checkout';
  ecommerce: { currency: string; value: number; items: AnalyticsItem[] };
}
/** `'dataLayer'` pushes to `window.dataLayer` (Google Tag Manager, gtag); a function gets each event. */
export type AnalyticsOption = 'dataLayer' | ((event: AnalyticsEvent) => void) | null;
