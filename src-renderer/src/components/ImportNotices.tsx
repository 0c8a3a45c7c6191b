import { Alert, Anchor, List, Text } from '@mantine/core';
import type { SpecNotice } from '../../../src-main/unit/unit-contract';

/**
 * What the importer worked out for itself (numbers taken from the order of a list, an outcome's
 * kind guessed from its verbs), each linked to its line, so the assessor checks it before saving.
 */
export function ImportNotices({
  notices,
  onGoToLine,
}: {
  notices: SpecNotice[];
  onGoToLine: (line: number) => void;
}) {
  if (!notices.length) return null;
  const count = notices.length;
  return (
    <Alert
      color="blue"
      title={`${count} thing${count === 1 ? '' : 's'} the workbench worked out: check ${count === 1 ? 'it' : 'them'} before saving`}
      data-testid="import-notices"
      role="region"
      aria-label="What the workbench worked out"
    >
      <List size="sm" spacing={4}>
        {notices.map((n, i) => (
          <List.Item key={i}>
            {n.line === null ? (
              <Text span size="sm">
                {n.message}
              </Text>
            ) : (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onGoToLine(n.line!)}
              >
                {n.message}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
