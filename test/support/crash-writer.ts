// Child process for the crash test: saves a counter over and over through JsonDocument and
// reports each save only after it was acknowledged, until it is killed.
import { z } from 'zod';
import { JsonDocument } from '../../src-main/storage/json-document';

const schema = z.object({ count: z.number().int(), padding: z.string() });
const file = process.argv[2];
if (!file) throw new Error('no file');

const doc = await JsonDocument.open(file, schema, 'The test file');
// Big enough that a write takes a little while, so kills land mid-write.
const padding = 'x'.repeat(200_000);
for (;;) {
  const saved = await doc.update((d) => ({ count: d.count + 1, padding }));
  process.stdout.write(`ack ${saved.count}\n`);
}
