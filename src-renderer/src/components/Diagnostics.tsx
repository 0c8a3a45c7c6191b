import { Alert, Anchor, List, Text } from '@mantine/core';
import type { SpecDiagnostic } from '../../../src-main/unit/unit-contract';

/** What the importer could not read, each problem linked to its line in the text. */
export function Diagnostics({
  diagnostics,
  onGoToLine,
}: {
  diagnostics: SpecDiagnostic[];
  onGoToLine: (line: number) => void;
}) {
  if (!diagnostics.length) {
    return (
      <Alert color="teal" title="Read without problems">
        <Text size="sm">Every line was understood.</Text>
      </Alert>
    );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <Alert
      color={errors ? 'red' : 'yellow'}
      title={`${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} warning${diagnostics.length - errors === 1 ? '' : 's'}`}
      data-testid="diagnostics"
    >
      <List size="sm" spacing={4}>
        {diagnostics.map((d, i) => (
          <List.Item key={i}>
            <Text span fw={600} size="sm">
              {d.severity === 'error' ? 'Error' : 'Warning'}:
            </Text>{' '}
            {d.line === null ? (
              d.message
            ) : (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onGoToLine(d.line!)}
              >
                {d.message}
              </Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
