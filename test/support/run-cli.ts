import { main } from '../../src-main/cli/main';
import { DEMO_PASSPHRASE } from '../../src-main/demo/demo-identities';

/** Runs the `workbench` command in this process with the demo's passphrase; its exit code and output. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  process.env.WORKBENCH_PASSPHRASE = DEMO_PASSPHRASE;
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.WORKBENCH_PASSPHRASE;
  }
}
