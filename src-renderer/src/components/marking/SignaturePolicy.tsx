import { Card, Switch, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';

interface Props {
  allowTyped: boolean;
  readOnly: boolean;
  onChanged: () => void;
}

/** The centre's choice whether a typed name may stand for a signature at sign-off. */
export function SignaturePolicy({ allowTyped, readOnly, onChanged }: Props) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Signatures at sign-off
      </Title>
      <Switch
        label="Accept typed signatures as well as drawn ones"
        checked={allowTyped}
        disabled={readOnly}
        onChange={(e) =>
          void call('decision:set-typed-signatures', { allow: e.currentTarget.checked })
            .then(onChanged)
            .catch((error: unknown) => notifyError('The setting was not changed', error))
        }
      />
      <Text size="sm" c="dimmed" mt={4}>
        Some awarding bodies and centres reject typed signatures. Drawn signatures (mouse, pen or
        finger) are always accepted; each is kept with who signed, when, and a SHA-256 hash of the
        declaration and the decisions signed.
      </Text>
    </Card>
  );
}
