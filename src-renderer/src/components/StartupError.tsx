import {
  Alert,
  Button,
  Center,
  Code,
  Collapse,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { RestoreCentreButton } from './CentreFileAlert';
import { WorkspaceChooser } from './WorkspaceChooser';

interface Props {
  title: string;
  message: string;
  onRetry: () => void;
  /** When present, the workbench answers but has no workspace: offer to open one. */
  status?: WorkspaceStatus;
  onOpened?: () => void;
}

export function StartupError({ title, message, onRetry, status, onOpened }: Props) {
  const [showDetails, setShowDetails] = useState(false);
  const [choosing, setChoosing] = useState(false);
  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="md" p="xl" maw={640} w="100%">
        <Stack>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Alert color="red" variant="light">
            <Text>{message}</Text>
          </Alert>
          {status?.centreDamaged && (
            <RestoreCentreButton dir={status.centreDamaged} onRestored={onOpened ?? onRetry} />
          )}
          <Group>
            <Button onClick={onRetry}>Try again</Button>
            {status && onOpened && (
              <Button variant="default" onClick={() => setChoosing(true)}>
                Open another workspace
              </Button>
            )}
            <Button
              variant="subtle"
              onClick={() => setShowDetails((v) => !v)}
              aria-expanded={showDetails}
            >
              {showDetails ? 'Hide error' : 'Show error'}
            </Button>
          </Group>
          <Collapse expanded={showDetails}>
            <Code block>{message}</Code>
          </Collapse>
        </Stack>
      </Paper>
      {status && onOpened && (
        <WorkspaceChooser
          opened={choosing}
          onClose={() => setChoosing(false)}
          status={status}
          onOpened={onOpened}
        />
      )}
    </Center>
  );
}
