import { Group, Radio } from '@mantine/core';

interface Props<T extends string> {
  label: string;
  /** The choices in the order shown. */
  choices: readonly T[];
  /** The words shown for each choice. */
  labelOf: (choice: T) => string;
  /** Null until the person chooses: no choice is made for them. */
  value: T | null;
  onChange: (choice: T) => void;
  required?: boolean;
}

/** One choice of a few, as radio buttons in a row under their question. */
export function ChoiceGroup<T extends string>({
  label,
  choices,
  labelOf,
  value,
  onChange,
  required,
}: Props<T>) {
  return (
    <Radio.Group label={label} required={required} value={value} onChange={(v) => onChange(v as T)}>
      <Group gap="md" mt={4}>
        {choices.map((c) => (
          <Radio key={c} value={c} label={labelOf(c)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
