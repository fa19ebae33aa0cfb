/**
 * How this Electron shell was started. `npm start`, `electron .` and a packaged desk are the locked-down
 * run: DevTools closed, the built renderer only (ELECTRON_RENDERER_URL ignored), and no command-line
 * switch but the desk's own — Chromium and Node honour switches such as --remote-debugging-port,
 * --inspect or --disable-web-security, which would hand the desk and its data to whoever can pass
 * them. Only `npm run dev` (scripts/dev.mjs), which sets ISTIQBAL_DEV=1 for an unpackaged app, is a
 * development run, where all of that is allowed.
 */
export const DEV_ENV = 'ISTIQBAL_DEV';

export interface RunFacts {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  /** process.argv without the executable (and, unpackaged, still with the app's path). */
  args: string[];
  /** Node's own flags (process.execArgv): --inspect and the like. */
  nodeFlags: string[];
  /** The user id (process.getuid), where there is one. */
  uid?: number;
}

export interface RunMode {
  development: boolean;
  /** electron-vite's renderer dev server, in a development run only. */
  devServerUrl?: string;
  /** Switches this run does not take; the shell refuses to start while there is any. */
  refused: string[];
}

/** The desk's own options, as `npm start -- …` passes them (args.ts reads their values). */
const TAKES_VALUE = new Set(['--data-dir', '--store']);
const FLAGS = new Set(['--demo']);

export function runMode(facts: RunFacts): RunMode {
  const development = !facts.isPackaged && facts.env[DEV_ENV] === '1';
  if (development) return { development, devServerUrl: localDevServer(facts.env.ELECTRON_RENDERER_URL), refused: [] };

  const refused: string[] = [...facts.nodeFlags];
  // Unpackaged, the first thing that is not a switch is the app's folder (`electron <app>`).
  let appPathSeen = facts.isPackaged;
  for (let i = 0; i < facts.args.length; i++) {
    const arg = facts.args[i]!;
    const name = arg.split('=', 1)[0]!;
    if (TAKES_VALUE.has(name)) {
      if (!arg.includes('=')) i += 1;
      continue;
    }
    if (FLAGS.has(arg)) continue;
    // Chromium will not start as root without it (a container, a CI runner); a desk never runs as root.
    if (arg === '--no-sandbox' && facts.uid === 0) continue;
    if (!arg.startsWith('-') && !appPathSeen) {
      appPathSeen = true;
      continue;
    }
    refused.push(arg);
  }
  return { development: false, refused };
}

/** The dev server must be on this machine: a development run still never loads a remote page. */
function localDevServer(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return local && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
