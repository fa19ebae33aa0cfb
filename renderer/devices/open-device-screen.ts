import { SHELL_OPEN_DEVICE } from '@shared/bridge';
import type { DeviceKind } from '@shared/domain/devices';
import { ar } from '@shared/labels/ar';
import { call, CallError } from '../transport/call';
import { devicePageUrl } from '../transport/http';
import { hasShell } from '../transport/shell';

/**
 * Opens a device screen from this desk: the Electron shell opens its own window (on the second display
 * when there is one) bound to a device session it asks the core for; a browser opens the device's page,
 * handing it the device session the core opened for this desk.
 */
export async function openDeviceScreen(kind: DeviceKind): Promise<void> {
  if (hasShell()) {
    const envelope = await window.istiqbal!.call(SHELL_OPEN_DEVICE, { kind });
    if (!envelope.ok) throw new CallError(envelope.error);
    return;
  }
  // Opened before the answer arrives: a window opened later, outside the click, would be blocked.
  const page = window.open('about:blank', '_blank');
  if (!page) throw new CallError({ code: 'forbidden', message: ar.devices.popupBlocked });
  try {
    const opened = await call('devices.open', { kind });
    page.location.href = devicePageUrl(kind, opened.sessionId);
  } catch (error) {
    page.close();
    throw error;
  }
}
