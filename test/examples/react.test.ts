import { expect } from '@open-wc/testing';
import { loadFrame, until } from '../helpers.js';

/** The React example as `npm run build:demo` builds it (npm test builds it first). */
describe('the React 19 example', () => {
  it('passes an array of products as a property and hears livecart events', async () => {
    const frame = await loadFrame('/dist-demo/examples/react.html');
    try {
      const doc = () => frame.contentDocument!;
      await until(() => doc().querySelector('live-stream'), 'React to render the element');
      const stream = doc().querySelector('live-stream') as HTMLElement & { products: unknown };
      expect(Array.isArray(stream.products)).to.equal(true);
      await until(() => doc().querySelector('p')!.textContent === 'On screen: Aurora Shell Jacket', 'the event handler');
    } finally {
      frame.remove();
    }
  });
});
