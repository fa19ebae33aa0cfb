import { notifications } from '@mantine/notifications';
import { ar } from '@shared/labels/ar';

/** A refused action, shown in Arabic without taking the user's focus. */
export function notifyError(error: Error) {
  notifications.show({ message: error.message, color: 'red', autoClose: 6000 });
}

/**
 * A change that succeeded where the screen does not show it by itself (a setting saved, a user added,
 * a visitor called): a teal toast, its words from ar.ts, «تم الحفظ» unless said otherwise.
 */
export function notifySaved(message: string = ar.ui.saved, options: { autoClose?: number } = {}): string {
  return notifications.show({ message, color: 'teal', ...options });
}
