/**
 * A left-to-right value (a file name, a folder path, a version) inside an Arabic sentence, kept one
 * unit in its own order: without the isolate, «/media/usb» shows as «media/usb/» and a name with
 * digits and dashes breaks apart across the line.
 */
export function ltr(value: string): string {
  return `\u2066${value}\u2069`;
}
