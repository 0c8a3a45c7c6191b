import { Button, Group, TextInput } from '@mantine/core';
import { call } from '../api/client';
import { notifyError } from '../api/notify';

interface Props {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  /** The desktop app has a native folder picker; a browser types the path. */
  canChoose: boolean;
}

export function FolderField({ label, description, value, onChange, canChoose }: Props) {
  async function choose() {
    try {
      const { dir } = await call('workspace:choose-folder', {});
      if (dir) onChange(dir);
    } catch (error) {
      notifyError('No folder picker here', error);
    }
  }
  return (
    <Group align="end">
      <TextInput
        label={label}
        description={description}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        style={{ flex: 1 }}
        required
      />
      {canChoose && (
        <Button variant="default" onClick={() => void choose()}>
          Choose folder…
        </Button>
      )}
    </Group>
  );
}
