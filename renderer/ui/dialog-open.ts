/** Whether a modal dialog is on screen: the desk's own keys (F4, F8, F9) then belong to it, not to the hall. */
export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
