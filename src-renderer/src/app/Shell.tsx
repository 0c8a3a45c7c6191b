import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { WorkspaceStatus } from '../../../src-main/workspace/workspace-contract';
import { call } from '../api/client';
import { notifyError } from '../api/notify';
import { RefreshContext, useOutsideChanges } from '../api/refresh';
import { CentreFileAlert } from '../components/CentreFileAlert';
import { UserSwitcher } from '../components/UserSwitcher';
import { WorkspaceChooser } from '../components/WorkspaceChooser';
import { moveTo, useAddress } from '../api/address';
import { pages, type PageId } from './pages';

/** Where each page was last left, so coming back to it finds the same learner and unit. */
const lastAddress = new Map<PageId, string>();

function pageOf(address: URLSearchParams): PageId {
  const named = pages.find((p) => p.id === address.get('page'));
  if (named) return named.id;
  // An older link to one learner's unit (?learner=…&unit=…) opens the marking screen on it.
  return address.has('learner') && address.has('unit') ? 'marking' : 'centre';
}

function goToPage(id: PageId, current: PageId) {
  // The address as it is now, with what was written down quietly (the marking screen's criterion).
  lastAddress.set(current, window.location.search.slice(1));
  if (id === current) {
    // The page's own item returns it to its start (the learner list, not one learner).
    moveTo({ page: id }, { keep: false });
    return;
  }
  const remembered = new URLSearchParams(lastAddress.get(id) ?? '');
  moveTo({ ...Object.fromEntries(remembered), page: id }, { keep: false });
}

interface Props {
  status: WorkspaceStatus;
  onWorkspaceChanged: () => void;
}

/** The menu's commands (from the desktop app's menu bar), for as long as the workspace is open. */
function useMenuCommands(
  openChooser: (tab: 'open' | 'new') => void,
  onWorkspaceChanged: () => void,
) {
  useEffect(
    () =>
      window.workbench?.onMenuCommand((command) => {
        if (command === 'open-workspace') openChooser('open');
        else if (command === 'new-workspace') openChooser('new');
        else if (command === 'print') window.print();
        else if (command === 'back') history.back();
        else if (command === 'forward') history.forward();
        else if (command === 'open-demo') {
          call('workspace:open-demo', {})
            .then(onWorkspaceChanged)
            .catch((error: unknown) => notifyError('The demo centre could not be opened', error));
        }
      }),
    [openChooser, onWorkspaceChanged],
  );
}

/** The open workspace: the header, the page list and the page shown. */
export function Shell({ status, onWorkspaceChanged }: Props) {
  const address = useAddress();
  const page = pageOf(address);
  useEffect(() => {
    lastAddress.set(page, address.toString());
  }, [page, address]);
  const [chooser, setChooser] = useState<'open' | 'new' | null>(null);
  const [userGeneration, setUserGeneration] = useState(0);
  const open = status.open!;
  const outsideChanges = useOutsideChanges();
  const current = pages.find((p) => p.id === page) ?? pages[0]!;

  useMenuCommands(setChooser, onWorkspaceChanged);

  return (
    <RefreshContext.Provider value={outsideChanges}>
      <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
        <AppShell.Header>
          <ShellHeader
            centreName={open.centreName}
            demo={open.demo}
            onChangeWorkspace={() => setChooser('open')}
            onUserChanged={() => setUserGeneration((g) => g + 1)}
          />
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Main">
          {pages.map((p) => (
            <NavLink
              key={p.id}
              label={p.label}
              leftSection={<p.icon size={18} aria-hidden />}
              active={p.id === page}
              aria-current={p.id === page ? 'page' : undefined}
              onClick={() => goToPage(p.id, page)}
              component="button"
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <CentreFileAlert onRestored={onWorkspaceChanged} />
          <Title order={1} size="h2" mb="md">
            {current.label}
          </Title>
          <current.component key={`${current.id}|${userGeneration}`} />
        </AppShell.Main>
        <WorkspaceChooser
          opened={chooser !== null}
          initialTab={chooser ?? 'open'}
          onClose={() => setChooser(null)}
          status={status}
          onOpened={onWorkspaceChanged}
        />
      </AppShell>
    </RefreshContext.Provider>
  );
}

/** The product, the centre open (and whether it is the demo), changing workspace and user. */
function ShellHeader({
  centreName,
  demo,
  onChangeWorkspace,
  onUserChanged,
}: {
  centreName: string;
  demo: boolean;
  onChangeWorkspace: () => void;
  onUserChanged: () => void;
}) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {/* The window's title names the product; on a narrow screen the centre needs the room. */}
        <Text fw={700} visibleFrom="lg" style={{ whiteSpace: 'nowrap' }}>
          Assessor &amp; Verifier Workbench
        </Text>
        <Text c="dimmed" aria-hidden visibleFrom="lg">
          |
        </Text>
        <Text
          data-testid="workspace-name"
          fw={500}
          truncate
          title={centreName}
          style={{ minWidth: 0 }}
        >
          {centreName}
        </Text>
        {demo && (
          <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
            Demo data
          </Badge>
        )}
        <Button size="xs" variant="default" onClick={onChangeWorkspace} style={{ flexShrink: 0 }}>
          Change workspace
        </Button>
      </Group>
      <UserSwitcher onChanged={onUserChanged} />
    </Group>
  );
}
