import { AppShell, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WorkspaceStatus } from '../../../../../src-main/workspace/workspace-contract';
import { useOperation } from '../../../api/use-operation';
import { Loading } from '../../Loading';
import { WorkspaceChooser } from '../../WorkspaceChooser';
import { formatDate } from '../../sampling/sampling-format';
import { EqaReportForm } from '../EqaReportForm';
import { PackAssurance, PackLearners } from './PackBrowser';
import { PackCheckAlert } from './PackCheckAlert';
import { PackFilePreview } from './PackFilePreview';

/**
 * The EQA's view of a visit pack opened in the workbench: checked first, read only, and the
 * report written from it. Nothing here writes into the pack.
 */
export function PackShell({
  status,
  onWorkspaceChanged,
}: {
  status: WorkspaceStatus;
  onWorkspaceChanged: () => void;
}) {
  const pack = status.pack!;
  const [chooser, setChooser] = useState(false);
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Text fw={700} visibleFrom="lg" style={{ whiteSpace: 'nowrap' }}>
            Assessor &amp; Verifier Workbench
          </Text>
          <Text data-testid="workspace-name" fw={500} truncate title={pack.dir}>
            {pack.centreName}: EQA visit pack
          </Text>
          <Badge color="blue" variant="light" style={{ flexShrink: 0 }}>
            Read only
          </Badge>
          {pack.demo && (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
              Demo data
            </Badge>
          )}
          <Button size="xs" variant="default" onClick={() => setChooser(true)}>
            Change workspace
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <PackContent dir={pack.dir} />
        <WorkspaceChooser
          opened={chooser}
          onClose={() => setChooser(false)}
          status={status}
          onOpened={onWorkspaceChanged}
        />
      </AppShell.Main>
    </AppShell>
  );
}

function PackContent({ dir }: { dir: string }) {
  const view = useOperation('pack:view', {}, dir);
  const [file, setFile] = useState<{ path: string; title: string } | null>(null);
  const [tab, setTab] = useState<string | null>('learners');
  return (
    <Loading state={view} label="The visit pack">
      {(v) => (
        <Stack>
          <Title order={1} size="h2">
            EQA visit pack of {v.data.centre.name}
          </Title>
          <Text size="sm" c="dimmed">
            Made on {formatDate(v.data.madeAt)} by {v.data.madeBy}, in {v.dir}.
            {v.zipped &&
              ' The .zip was unpacked into a folder of this computer’s own to be read, and is removed when you close the pack.'}{' '}
            You are reading it as the external quality assurer: nothing in the pack can be changed
            here.
          </Text>
          <PackCheckAlert check={v.check} />
          <Tabs value={tab} onChange={setTab}>
            <Tabs.List>
              <Tabs.Tab value="learners">Learners and units</Tabs.Tab>
              <Tabs.Tab value="assurance">Quality assurance</Tabs.Tab>
              <Tabs.Tab value="report">Your report</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="learners" pt="md">
              <PackLearners data={v.data} onOpen={setFile} />
            </Tabs.Panel>
            <Tabs.Panel value="assurance" pt="md">
              <PackAssurance data={v.data} onOpen={setFile} />
            </Tabs.Panel>
            <Tabs.Panel value="report" pt="md">
              {tab === 'report' && (
                <EqaReportForm source={{ kind: 'pack' }} onClose={() => setTab('learners')} />
              )}
            </Tabs.Panel>
          </Tabs>
          {file && <PackFilePreview file={file} onClose={() => setFile(null)} />}
        </Stack>
      )}
    </Loading>
  );
}
