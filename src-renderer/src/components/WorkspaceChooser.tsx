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
import { useState, type FormEvent, type ReactNode } from 'react';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { call } from '../api/client';
import { useAction } from '../api/use-action';
import { useOperation } from '../api/use-operation';
import { FolderField } from './FolderField';

interface Props {
  opened: boolean;
  onClose: () => void;
  status: WorkspaceStatus;
  onOpened: () => void;
  initialTab?: 'open' | 'new';
}

/** Opens a workspace one way or another; the title of the error says which way failed. */
type OpenWith = (action: () => Promise<WorkspaceStatus>, failed: string) => void;

const notOpened = 'The workspace could not be opened';

/** A form whose submit is the only way it is sent (Enter in a field included). */
const submitted = (send: () => void) => (event: FormEvent) => {
  event.preventDefault();
  send();
};

function RecentWorkspaces({ opened, open }: { opened: boolean; open: OpenWith }) {
  const recent = useOperation('workspace:recent', {}, opened);
  if (!recent.data || recent.data.length === 0) return null;
  return (
    <>
      <Divider my="md" label="Recently opened" labelPosition="left" />
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {recent.data.map((r) => (
          <li key={r.path}>
            <UnstyledButton
              onClick={() => open(() => call('workspace:open', { dir: r.path }), notOpened)}
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
  );
}

interface PanelProps {
  status: WorkspaceStatus;
  busy: boolean;
  open: OpenWith;
}

interface FolderFormProps {
  status: WorkspaceStatus;
  folder: { label: string; description: string };
  dir: string;
  setDir: (dir: string) => void;
  send: () => void;
  children: ReactNode;
}

/** A panel's form: its folder first (typed, or the desktop app's picker), then what else it asks. */
function FolderForm({ status, folder, dir, setDir, send, children }: FolderFormProps) {
  return (
    <form onSubmit={submitted(send)}>
      <Stack>
        <FolderField {...folder} value={dir} onChange={setDir} canChoose={status.canChooseFolder} />
        {children}
      </Stack>
    </form>
  );
}

function OpenPanel({ status, busy, open }: PanelProps) {
  const [dir, setDir] = useState('');
  return (
    <FolderForm
      status={status}
      folder={{
        label: 'Workspace folder',
        description:
          'The folder that holds centre.json, or an EQA visit pack’s folder or .zip (opened to read only)',
      }}
      dir={dir}
      setDir={setDir}
      send={() => open(() => call('workspace:open', { dir }), notOpened)}
    >
      <Group>
        <Button type="submit" loading={busy}>
          Open
        </Button>
        <Button
          variant="light"
          onClick={() =>
            open(() => call('workspace:open-demo', {}), 'The demo centre could not be opened')
          }
        >
          Open the demo centre
        </Button>
      </Group>
    </FolderForm>
  );
}

function NewPanel({ status, busy, open }: PanelProps) {
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const create = () =>
    open(
      () => call('workspace:create', { dir, name, number }),
      'The workspace could not be created',
    );
  return (
    <FolderForm
      status={status}
      folder={{
        label: 'Folder for the new workspace',
        description: 'An empty folder, or one that does not exist yet',
      }}
      dir={dir}
      setDir={setDir}
      send={create}
    >
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
    </FolderForm>
  );
}

/** Open a workspace by folder (picker in the desktop app, a typed path in a browser) or make one. */
export function WorkspaceChooser({
  opened,
  onClose,
  status,
  onOpened,
  initialTab = 'open',
}: Props) {
  const { busy, run } = useAction();
  const open: OpenWith = (action, failed) =>
    void run(action, {
      done: (result) => `Opened ${result.open?.centreName ?? 'the workspace'}.`,
      failed,
    }).then((result) => {
      if (!result) return;
      onClose();
      onOpened();
    });

  return (
    <Modal opened={opened} onClose={onClose} title="Centre workspace" size="lg">
      <Tabs defaultValue={initialTab}>
        <Tabs.List>
          <Tabs.Tab value="open">Open a workspace</Tabs.Tab>
          <Tabs.Tab value="new">New workspace</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          <OpenPanel status={status} busy={busy} open={open} />
          <RecentWorkspaces opened={opened} open={open} />
        </Tabs.Panel>
        <Tabs.Panel value="new" pt="md">
          <NewPanel status={status} busy={busy} open={open} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
