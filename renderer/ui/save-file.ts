import { notifications } from '@mantine/notifications';
import { ar, fill } from '@shared/labels/ar';
import { hasShell, saveInShell } from '../transport/shell';
import { notifySaved } from './notify';

/** A file the core made (a register or a report exported as a spreadsheet), as it crosses the contract. */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/**
 * An exported register or report put where the user keeps files: in the Electron shell through the system's
 * save dialog; in a browser (the loopback shell) as a download. The outcome is told without taking
 * the user's focus.
 */
export async function saveFile(file: FileToSave): Promise<void> {
  if (hasShell()) {
    const result = await saveInShell(file);
    if (result.saved) notifySaved(fill(ar.saving.savedTo, { path: result.path ?? file.fileName }), { autoClose: 10_000 });
    else notifications.show({ message: ar.saving.cancelled, color: 'gray' });
    return;
  }
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click's task is over; a minute covers a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  notifySaved(fill(ar.saving.downloaded, { fileName: file.fileName }), { autoClose: 8_000 });
}
