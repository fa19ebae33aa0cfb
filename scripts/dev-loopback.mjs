// `npm run dev` where Electron's runtime cannot be had: the core behind the loopback shell (built once
// from electron/, restarted by hand after a change there), and in front of it the renderer's Vite dev
// server with hot reload, whose /api calls go through to the shell. Open the address it prints in any
// browser; the launch token rides in the fragment as it does for the desk.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export async function devOverLoopback(root, argv) {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false }, store: { type: 'string' }, port: { type: 'string' } },
    strict: false,
  });
  const dataDir = values['data-dir'] ? String(values['data-dir']) : join(root, '.dev-data');
  await run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], root);

  const shellArgs = [join(root, 'out/main/loopback.js'), '--headless', '--no-auto-backup', '--data-dir', dataDir];
  if (values.demo) shellArgs.push('--demo');
  if (typeof values.store === 'string') shellArgs.push('--store', values.store);
  const loopbackFile = join(dataDir, 'loopback.json');
  rmSync(loopbackFile, { force: true });
  const shell = spawn(process.execPath, shellArgs, { cwd: root, stdio: 'inherit' });
  const { url, token } = await shellAddress(loopbackFile, shell);

  const { createServer } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const vite = await createServer({
    configFile: false,
    root: join(root, 'renderer'),
    base: '/',
    plugins: [react()],
    // `@shared/…` is shared/, as in electron.vite.config.ts (this server takes no config file).
    resolve: { alias: { '@shared': join(root, 'shared') } },
    server: {
      host: '127.0.0.1',
      port: values.port ? Number(values.port) : 5173,
      // The shell refuses a foreign Host or Origin (DNS rebinding): the dev server speaks as the shell's own page.
      proxy: { '/api': { target: url, changeOrigin: true, headers: { origin: url } } },
    },
  });
  await vite.listen();
  const address = `http://127.0.0.1:${vite.config.server.port}/#token=${token}`;
  console.log(`\nالواجهة للتطوير على / renderer dev server: ${address}`);
  console.log(`البيانات في / data folder: ${dataDir} (a change under electron/ needs npm run dev again)`);

  const stop = async () => {
    await vite.close();
    shell.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  shell.on('exit', (code) => {
    void vite.close().finally(() => process.exit(code ?? 0));
  });
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** The shell writes its address and token once it listens (loopback.json): looked for until it is there. */
function shellAddress(file, shell) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (existsSync(file)) {
        clearInterval(timer);
        resolve(JSON.parse(readFileSync(file, 'utf8')));
      }
    };
    const timer = setInterval(check, 100);
    shell.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the loopback shell ended (${code}) before it listened`));
    });
  });
}
