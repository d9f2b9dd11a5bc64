import { createRoot } from 'react-dom/client';
import { LiveShow } from './react-app.js';

createRoot(document.getElementById('root')!).render(
  <LiveShow
    src="../channel/replay.m3u8"
    products={[{ id: 'aurora-jacket', title: 'Aurora Shell Jacket', price: '149.00 EUR', link: 'https://shop.example/aurora' }]}
  />,
);
