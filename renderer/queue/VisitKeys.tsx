import { useHotkeys } from '@mantine/hooks';
import { usePages } from '../app/pages';
import { dialogOpen } from '../ui/dialog-open';

/**
 * The current visit's own keys (README "At the desk"): F8 finishes, F9 refers. Function keys type
 * nothing, so they work from the search box too; not under an open dialog or a page opened over the hall.
 */
export function VisitKeys({ onFinish, onRefer }: { onFinish: () => void; onRefer?: () => void }) {
  const pages = usePages();
  const free = () => !pages.current && !dialogOpen();
  useHotkeys(
    [
      ['F8', () => free() && onFinish()],
      ['F9', () => free() && onRefer?.()],
    ],
    [],
  );
  return null;
}
