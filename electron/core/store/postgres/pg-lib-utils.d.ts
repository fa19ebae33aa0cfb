/** pg's own mapping of a JavaScript value to the text the server reads, which its queries bind with (pg ships no types for it). */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}
