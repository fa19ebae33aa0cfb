/** Vite copies a sound imported with `?url` into the build and gives its address (the app's own origin). */
declare module '*.wav?url' {
  const url: string;
  export default url;
}
