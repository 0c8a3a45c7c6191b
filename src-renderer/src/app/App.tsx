import { Center, Loader } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useOperation } from '../api/use-operation';
import { StartupError } from '../components/StartupError';
import { PackShell } from '../components/visit/pack/PackShell';
import { Shell } from './Shell';

/** Opens on whatever workspace the workbench has open; a failure gets a full screen, never a blank one. */
export function App() {
  const [generation, setGeneration] = useState(0);
  const status = useOperation('workspace:status', {}, generation);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  if (status.loading && !status.data) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Opening the workbench" />
      </Center>
    );
  }
  if (status.error || !status.data) {
    return (
      <StartupError
        title="The workbench could not start"
        message={status.error ?? 'No answer came from the workbench.'}
        onRetry={refresh}
      />
    );
  }
  if (status.data.pack) {
    return (
      <PackShell status={status.data} onWorkspaceChanged={refresh} key={status.data.pack.dir} />
    );
  }
  if (!status.data.open) {
    return (
      <StartupError
        title="The workspace could not be opened"
        message={status.data.problem ?? 'No centre workspace is open.'}
        onRetry={refresh}
        status={status.data}
        onOpened={refresh}
      />
    );
  }
  return <Shell status={status.data} onWorkspaceChanged={refresh} key={status.data.open.dir} />;
}
