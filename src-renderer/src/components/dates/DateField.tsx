import { DateInput, type DateInputProps } from '@mantine/dates';
import { formatDate, parseUkDate } from '../../../../src-main/kernel/dates';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  label: string;
  /** The stored date, YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (date: string) => void;
};

/**
 * The one date field of the workbench: shows "2 Dec 2026" and reads what people in the UK type
 * ("2/12/2026", "2 Dec 2026"), whatever language the browser is set to. A native date input
 * follows the browser's locale, so an American default shows 12/02/2026 for 2 December.
 */
export function DateField({ value, onChange, label, description, ...rest }: Props) {
  return (
    <DateInput
      label={label}
      description={description}
      placeholder="e.g. 2/12/2026"
      value={value || null}
      onChange={(date) => onChange(date ?? '')}
      valueFormat={formatDate}
      dateParser={parseUkDate}
      firstDayOfWeek={1}
      // Mantine's red weekends and faded days of other months fall short of 4.5:1 contrast.
      weekendDays={[]}
      hideOutsideDates
      clearable={!rest.required}
      popoverProps={{ withinPortal: true }}
      ariaLabels={{
        previousMonth: 'Previous month',
        nextMonth: 'Next month',
        previousYear: 'Previous year',
        nextYear: 'Next year',
        previousDecade: 'Previous decade',
        nextDecade: 'Next decade',
        monthLevelControl: 'Choose a month',
        yearLevelControl: 'Choose a year',
      }}
      clearButtonProps={{ 'aria-label': 'Clear the date' }}
      {...rest}
    />
  );
}
