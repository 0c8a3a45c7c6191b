import { Alert, List, Text } from '@mantine/core';

/**
 * Saved changes the workbench could not read, named so someone can look at them. Nothing is
 * rewritten: the files stay as they are, and the rest of the portfolio is shown without them.
 */
export function UnreadableChanges({ problems }: { problems: readonly string[] }) {
  if (!problems.length) return null;
  return (
    <Alert
      color="orange"
      title={
        problems.length === 1
          ? 'One saved change in this portfolio could not be read'
          : `${problems.length} saved changes in this portfolio could not be read`
      }
      data-testid="unreadable-changes"
    >
      <Text size="sm">
        {problems.length === 1
          ? 'The portfolio below is shown without it, and its file is kept exactly as it is. It may have been damaged when the folder was copied, or written by a newer version of the workbench: ask whoever looks after the workspace to check the file named here.'
          : 'The portfolio below is shown without them, and their files are kept exactly as they are. They may have been damaged when the folder was copied, or written by a newer version of the workbench: ask whoever looks after the workspace to check the files named here.'}
      </Text>
      <List size="sm" mt="xs">
        {problems.map((problem) => (
          <List.Item key={problem}>{problem}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
