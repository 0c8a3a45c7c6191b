import {
  Button,
  Divider,
  Group,
  Modal,
  Stack,
  Tabs,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { call } from '../api/client';
import { notifyDone, notifyError } from '../api/notify';
import { useOperation } from '../api/use-operation';
import { FolderField } from './FolderField';

interface Props {
  opened: boolean;
  onClose: () => void;
  status: WorkspaceStatus;
  onOpened: () => void;
  initialTab?: 'open' | 'new';
}

/** Open a workspace by folder (picker in the desktop app, a typed path in a browser) or make one. */
export function WorkspaceChooser({
  opened,
  onClose,
  status,
  onOpened,
  initialTab = 'open',
}: Props) {
  const recent = useOperation('workspace:recent', {}, opened);
  const [dir, setDir] = useState('');
  const [newDir, setNewDir] = useState('');
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<WorkspaceStatus>, failureTitle: string) {
    setBusy(true);
    try {
      const result = await action();
      notifyDone(`Opened ${result.open?.centreName ?? 'the workspace'}.`);
      onClose();
      onOpened();
    } catch (error) {
      notifyError(failureTitle, error);
    } finally {
      setBusy(false);
    }
  }

  const openSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => call('workspace:open', { dir }), 'The workspace could not be opened');
  };
  const createSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => call('workspace:create', { dir: newDir, name, number }),
      'The workspace could not be created',
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Centre workspace" size="lg">
      <Tabs defaultValue={initialTab}>
        <Tabs.List>
          <Tabs.Tab value="open">Open a workspace</Tabs.Tab>
          <Tabs.Tab value="new">New workspace</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          <form onSubmit={openSubmit}>
            <Stack>
              <FolderField
                label="Workspace folder"
                description="The folder that holds centre.json"
                value={dir}
                onChange={setDir}
                canChoose={status.canChooseFolder}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  Open
                </Button>
                <Button
                  variant="light"
                  onClick={() =>
                    void run(
                      () => call('workspace:open-demo', {}),
                      'The demo centre could not be opened',
                    )
                  }
                >
                  Open the demo centre
                </Button>
              </Group>
            </Stack>
          </form>
          {recent.data && recent.data.length > 0 && (
            <>
              <Divider my="md" label="Recently opened" labelPosition="left" />
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {recent.data.map((r) => (
                  <li key={r.path}>
                    <UnstyledButton
                      onClick={() =>
                        void run(
                          () => call('workspace:open', { dir: r.path }),
                          'The workspace could not be opened',
                        )
                      }
                      p={4}
                    >
                      <Text fw={500}>{r.name}</Text>
                      <Text size="sm" c="dimmed">
                        {r.path}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="new" pt="md">
          <form onSubmit={createSubmit}>
            <Stack>
              <FolderField
                label="Folder for the new workspace"
                description="An empty folder, or one that does not exist yet"
                value={newDir}
                onChange={setNewDir}
                canChoose={status.canChooseFolder}
              />
              <TextInput
                label="Centre name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
              />
              <TextInput
                label="Centre number"
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  Create workspace
                </Button>
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
