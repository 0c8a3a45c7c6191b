import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { until as waitUntil } from './wait-for';

// Two Syncthing instances on 127.0.0.1, as two offices' computers syncing one workspace.

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What one look of a wait saw: `not(...)` notes why the condition does not hold yet. */
export interface Look {
  /** Notes what was seen and answers false: `if (x !== y) return look.not(`x is ${x}`)`. */
  not(saw: string): false;
}

/**
 * Waits until `check` holds. Syncthing is asked over its REST API, so less often, and a refused
 * call means "not yet". Given `giveUpAt` (the test's hang guard, a little earlier), it stops
 * then and fails naming what it waited for and what the last look saw, so a sync that never
 * settles says why.
 */
export const until = <T>(
  what: string,
  check: (look: Look) => Promise<T | null | false>,
  giveUpAt?: number,
) => {
  let seen = '';
  return waitUntil(
    () => {
      seen = '';
      return check({
        not: (saw) => {
          seen = saw;
          return false;
        },
      });
    },
    {
      everyMs: 250,
      retryErrors: true,
      what,
      seen: () => seen,
      ...(giveUpAt === undefined ? {} : { giveUpAt }),
      onMiss: (last) => {
        if (process.env.SYNCTHING_TEST_DEBUG) console.warn('waiting for', what, seen, last);
      },
    },
  );
};

/** One Syncthing on 127.0.0.1: no discovery, no relays, no NAT traversal, driven by its REST API. */
export class Syncthing {
  process: ChildProcess | null = null;
  id = '';
  readonly key = randomBytes(16).toString('hex');
  constructor(
    readonly home: string,
    readonly gui: number,
    readonly listen: number,
  ) {}

  async start(): Promise<void> {
    await mkdir(this.home, { recursive: true });
    const generated = await run('syncthing', [
      'generate',
      `--home=${this.home}`,
      '--no-default-folder',
    ]);
    this.id = /Device ID: ([A-Z0-9-]+)/.exec(generated.stdout + generated.stderr)![1]!;
    this.process = spawn(
      'syncthing',
      [
        'serve',
        `--home=${this.home}`,
        '--no-browser',
        '--no-restart',
        '--no-upgrade',
        '--no-default-folder',
        `--gui-address=http://127.0.0.1:${this.gui}`,
        `--gui-apikey=${this.key}`,
      ],
      { stdio: 'ignore', env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' } },
    );
    await until(
      'Syncthing REST API',
      async () => (await this.rest('GET', '/rest/system/ping')).ping,
    );
    await this.rest('PATCH', '/rest/config/options', {
      globalAnnounceEnabled: false,
      localAnnounceEnabled: false,
      relaysEnabled: false,
      natEnabled: false,
      urAccepted: -1,
      crashReportingEnabled: false,
      listenAddresses: [`tcp://127.0.0.1:${this.listen}`],
    });
  }

  async rest(method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`http://127.0.0.1:${this.gui}${route}`, {
      method,
      headers: { 'X-API-Key': this.key, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  async share(folder: string, other: Syncthing): Promise<void> {
    await this.rest('PUT', `/rest/config/devices/${other.id}`, {
      deviceID: other.id,
      name: other.home,
      addresses: [`tcp://127.0.0.1:${other.listen}`],
    });
    await this.rest('PUT', '/rest/config/folders/workspace', {
      id: 'workspace',
      label: 'Centre workspace',
      path: folder,
      type: 'sendreceive',
      rescanIntervalS: 2,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      devices: [{ deviceID: this.id }, { deviceID: other.id }],
    });
  }

  async setPaused(other: Syncthing, paused: boolean): Promise<void> {
    await this.rest('PATCH', `/rest/config/devices/${other.id}`, { paused });
  }

  /** Connected to the other side, which knows everything here, with nothing waiting to be fetched. */
  async inSyncWith(other: Syncthing): Promise<boolean> {
    if (!(await this.connectedTo(other))) return false;
    await this.rest('POST', '/rest/db/scan?folder=workspace');
    const remote = await this.rest(
      'GET',
      `/rest/db/completion?folder=workspace&device=${other.id}`,
    );
    const local = await this.rest('GET', '/rest/db/status?folder=workspace');
    return remote.completion === 100 && local.needTotalItems === 0 && local.state === 'idle';
  }

  /** This side's sync state with the other, in words, for a wait that gives up. */
  async syncState(other: Syncthing): Promise<string> {
    const remote = await this.rest(
      'GET',
      `/rest/db/completion?folder=workspace&device=${other.id}`,
    );
    const local = await this.rest('GET', '/rest/db/status?folder=workspace');
    return [
      `connected ${await this.connectedTo(other)}`,
      `other side ${String(remote.completion)}% complete (needs ${String(remote.needItems)} items)`,
      `here ${String(local.state)}, needs ${String(local.needTotalItems)} items`,
      `holds ${Number(local.localFiles)} files and ${Number(local.localDirectories)} folders`,
    ].join(', ');
  }

  async connectedTo(other: Syncthing): Promise<boolean> {
    const { connections } = await this.rest('GET', '/rest/system/connections');
    return Boolean((connections as Record<string, { connected: boolean }>)[other.id]?.connected);
  }

  /** The files and folders this side holds. */
  async localItems(): Promise<number> {
    const status = await this.rest('GET', '/rest/db/status?folder=workspace');
    return Number(status.localFiles) + Number(status.localDirectories);
  }

  stop(): void {
    this.process?.kill('SIGTERM');
  }
}

/**
 * Two Syncthing instances on this computer, started and sharing `dirA` with `dirB` (each the
 * other's device). They are added to `started` as soon as they exist, so a test's clean-up stops
 * them even when starting fails.
 */
export async function syncedPair(
  root: string,
  dirA: string,
  dirB: string,
  started: { stop(): unknown }[],
): Promise<[Syncthing, Syncthing]> {
  const [guiA, guiB, listenA, listenB] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const a = new Syncthing(path.join(root, 'st-a'), guiA, listenA);
  const b = new Syncthing(path.join(root, 'st-b'), guiB, listenB);
  started.push(a, b);
  await a.start();
  await b.start();
  await a.share(dirA, b);
  await b.share(dirB, a);
  return [a, b];
}
