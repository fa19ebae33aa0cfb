import { useHotkeys } from '@mantine/hooks';
import { useScreenVisibleRef } from '../app/screen-visible';
import { dialogOpen } from '../ui/dialog-open';
import { KEYS } from '../app/keymap';

/**
 * The current visit's own keys (README "At the desk"): F8 finishes, F9 refers. Function keys type
 * nothing, so they work from the search box too; not under an open dialog, another tab or a page opened over the hall.
 */
export function VisitKeys({ onFinish, onRefer }: { onFinish: () => void; onRefer?: () => void }) {
  const visible = useScreenVisibleRef();
  const free = () => visible.current && !dialogOpen();
  useHotkeys(
    [
      [KEYS.finishVisit.hotkey, () => free() && onFinish()],
      [KEYS.referVisit.hotkey, () => free() && onRefer?.()],
    ],
    [],
  );
  return null;
}
