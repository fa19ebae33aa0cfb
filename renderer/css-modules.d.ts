/** Vite turns `*.module.css` into an object of class names scoped to the file. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
