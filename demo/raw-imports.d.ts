/** Vite's `?raw` import: the file's text (the configurator pastes reserved-box.css into its snippet). */
declare module '*?raw' {
  const text: string;
  export default text;
}
