import { notifications } from '@mantine/notifications';

/** A refused action, shown in Arabic without taking the user's focus. */
export function notifyError(error: Error) {
  notifications.show({ message: error.message, color: 'red', autoClose: 6000 });
}
