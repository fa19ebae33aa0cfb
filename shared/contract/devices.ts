import { z } from 'zod';
import { DEVICE_KINDS, type DeviceKind } from '../domain/devices';
import { STAFF_ROLES } from '../domain/roles';
import { ar } from '../labels/ar';
import { emptyInput, mutation, query } from './define';
import { username } from './fields';
import type { DeskView } from './views';

/** A device screen's session, opened for the screen the desk then shows it in. */
export interface DeviceOpenedView {
  kind: DeviceKind;
  deskId: number;
  /**
   * The device screen's own session: the Electron shell binds its new window to it; on the loopback
   * shell the desk hands it to the new page in the address fragment, as it does the launch token.
   */
  sessionId: string;
}

export interface DeviceView {
  kind: DeviceKind;
  desk: DeskView;
  associationName: string;
}

export const deviceOperations = {
  /**
   * A staff member at a signed-in desk opens a hall display or a kiosk (a kiosk belongs to this desk).
   * It lives on when the desk locks or signs out, and calls only what its kind is granted.
   */
  'devices.open': mutation<DeviceOpenedView>()({
    input: z.object({ kind: z.enum(DEVICE_KINDS) }).strict(),
    access: STAFF_ROLES,
    invalidates: [],
  }),
  /** What the device screen is: its kind, its desk and the association's name (the idle screen's title). */
  'devices.current': query<DeviceView>()({ input: emptyInput, access: [], devices: ['display', 'kiosk'] }),
  /** Leaving a device screen takes a staff member's password (counted with failed sign-ins, as at a locked desk). */
  'devices.close': mutation<{ closed: true }>()({
    input: z.object({ username, password: z.string().min(1, ar.messages.required) }).strict(),
    access: [],
    devices: ['display', 'kiosk'],
    invalidates: ['devices.'],
  }),
} as const;
