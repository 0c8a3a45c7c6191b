// Child process for the stray folder crash test: opens a workspace, says so, and merges its
// stray portfolio folders when told to ("go" on stdin), saying when it is done, unless killed.
import { Workspace } from '../../src-main/workspace/workspace';

const dir = process.argv[2];
if (!dir) throw new Error('usage: stray-merger DIR');

const workspace = await Workspace.open(dir);
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const started = Date.now();
  void workspace.mergeStrayFolders().then((done) => {
    process.stdout.write(`done ${Date.now() - started} ${done.map((d) => d.outcome).join(',')}\n`);
    process.exit(0);
  });
});
