import { ar } from '@shared/labels/ar';
import type { BackupJobPhase } from '@shared/contract';

/** A progress line per phase and per tenth of the way, for a terminal or a log file alike. */
export function progressPrinter(write: (line: string) => void = (l) => console.log(l)) {
  let last = '';
  return ({ phase, fraction }: { phase: BackupJobPhase; fraction: number }) => {
    const line = `${ar.backups.phases[phase]} ${Math.floor(fraction * 10) * 10}٪`;
    if (line !== last) write(line);
    last = line;
  };
}
