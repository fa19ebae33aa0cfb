// Starts the loopback shell on a fresh, empty store for the end-to-end run.
const { rmSync } = require('node:fs');
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const [port, dataDir] = process.argv.slice(2);
rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, [join(__dirname, '../../out/main/loopback.js'), '--headless', '--port', port, '--data-dir', dataDir, '--no-auto-backup'], {
  stdio: 'inherit',
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
