/**
 * Screens with no person at them, opened from a signed-in desk: the hall display (S1) and the
 * visitor's satisfaction kiosk (P6). Each has a device session of its own that may call only the
 * operations the contract grants its kind (OperationDef.devices).
 */
export const DEVICE_KINDS = ['display', 'kiosk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
