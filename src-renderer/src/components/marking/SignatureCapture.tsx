import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

export type CapturedSignature =
  { method: 'drawn'; image: string } | { method: 'typed'; typedName: string };

interface Props {
  /** Who signs, for the labels: "Amara Okafor (learner)". */
  signer: string;
  testId: string;
  allowTyped: boolean;
  busy: boolean;
  onSign: (signature: CapturedSignature) => void;
}

/**
 * A signature drawn with the mouse, a pen or a finger (signature_pad handles all three), or
 * typed where the centre accepts that. Kept as a PNG data URL.
 */
export function SignatureCapture({ signer, testId, allowTyped, busy, onSign }: Props) {
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState('');
  const { canvas, pad, empty, setEmpty } = useSignaturePad(typing);

  return (
    <Stack gap={6} data-testid={testId}>
      {allowTyped && (
        <Switch
          label="Type the name instead of drawing"
          checked={typing}
          onChange={(e) => setTyping(e.currentTarget.checked)}
        />
      )}
      {typing ? (
        <TextInput
          label={`Full name of ${signer}`}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
      ) : (
        <Paper withBorder w={420} h={150} style={{ touchAction: 'none' }}>
          <canvas
            ref={canvas}
            width={418}
            height={148}
            role="img"
            aria-label={`Signature of ${signer}: draw it here with the mouse, a pen or a finger`}
            data-testid={`${testId}-canvas`}
            style={{ display: 'block', cursor: 'crosshair' }}
          />
        </Paper>
      )}
      <Group gap="xs">
        {!typing && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              pad.current?.clear();
              setEmpty(true);
            }}
          >
            Clear
          </Button>
        )}
        <Button
          size="xs"
          loading={busy}
          disabled={typing ? !typed.trim() : empty}
          onClick={() => {
            if (typing) onSign({ method: 'typed', typedName: typed.trim() });
            else if (pad.current && !pad.current.isEmpty()) {
              onSign({ method: 'drawn', image: pad.current.toDataURL('image/png') });
            }
          }}
        >
          Sign as {signer}
        </Button>
        {!typing && empty && (
          <Text size="xs" c="dimmed">
            Draw the signature in the box first.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The drawing pad on the canvas while the signature is drawn (not typed), and whether it is empty. */
function useSignaturePad(typing: boolean) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  useEffect(() => {
    if (typing || !canvas.current) return;
    const instance = new SignaturePad(canvas.current, {
      penColor: '#14205a',
      backgroundColor: 'rgba(0,0,0,0)',
    });
    const drawn = () => setEmpty(instance.isEmpty());
    instance.addEventListener('endStroke', drawn);
    pad.current = instance;
    return () => {
      instance.removeEventListener('endStroke', drawn);
      instance.off();
      pad.current = null;
    };
  }, [typing]);
  return { canvas, pad, empty, setEmpty };
}
