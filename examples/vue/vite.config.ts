import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// https://vite.dev/config/
export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // livecart's tags are custom elements, not Vue components.
          isCustomElement: (tag) => ['live-stream', 'shop-carousel', 'buy-now-button', 'pip-player', 'cart-view'].includes(tag),
        },
      },
    }),
  ],
})
