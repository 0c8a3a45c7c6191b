import { access } from 'node:fs/promises';
import path from 'node:path';
import {
  appRoot,
  defaultRendererDir,
  defaultResourcesDir,
  defaultUserDataDir,
} from '../../shared/paths';
import { ENCRYPTION_NOTICE, noticeIfUnencrypted } from '../../app/encryption-notice';
import { Workbench } from '../../app/workbench';
import { makeDemoCentre } from '../../demo/make-demo';
import { startHttpHost } from '../../hosts/http/http-host';
import { readCommandLine } from '../command-line';
import { UsageError, type CliIo } from '../io';

export const webHelp = `Usage: workbench web [--workspace DIR] [--port N]

Serves the workbench to your browser on this computer only (127.0.0.1) and prints the address
to open; the address carries a secret that changes every launch. Without --workspace it opens
the workspace used last, or the demo centre. Stop it with Ctrl+C.`;

export async function webCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readCommandLine(
    argv,
    { workspace: { type: 'string', short: 'w' }, port: { type: 'string', short: 'p' } },
    webHelp,
    io,
  );
  if (!args) return 0;
  if (args.positionals.length)
    throw new UsageError(`Unexpected "${args.positionals[0]}": see workbench web --help`);
  const portText = args.optional('port');
  const workspaceDir = args.optional('workspace');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError('--port takes a whole number from 0 to 65535.');
  }

  const workbench = new Workbench(
    { userDataDir: defaultUserDataDir(), resourcesDir: defaultResourcesDir() },
    {
      kind: 'web',
      // The terminal that started the browser's workbench is where it tells the person.
      workspaceOpened: (workspace) =>
        void noticeIfUnencrypted(workspace, workbench.settings, () =>
          io.err(`${ENCRYPTION_NOTICE.message}\n${ENCRYPTION_NOTICE.detail}`),
        ),
    },
    undefined,
    { watch: true, demo: makeDemoCentre },
  );
  await workbench.boot({ workspace: workspaceDir && path.resolve(workspaceDir) });
  if (workspaceDir && !workbench.hasWorkspace && !workbench.openedPack) {
    // Say it here too: the person may not open the browser at all.
    try {
      void workbench.workspace;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const rendererDir = defaultRendererDir();
  await ensureRendererBuilt(rendererDir, io);
  const host = await startHttpHost({ workbench, rendererDir, port });
  io.out(`Workbench ready. Open this address in your browser: ${host.url}`);
  io.out('It works on this computer only. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await workbench.shutdown();
  return 0;
}

async function ensureRendererBuilt(rendererDir: string, io: CliIo): Promise<void> {
  try {
    await access(path.join(rendererDir, 'index.html'));
    return;
  } catch {
    io.err('Building the workbench screens (first run only)…');
  }
  const { build } = await import('electron-vite');
  await build({ root: appRoot(), logLevel: 'warn' });
}
