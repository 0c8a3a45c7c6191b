/** The workbench's one way of writing dates, shared with the records it makes. */
export {
  formatDate,
  formatDateTime,
  formatFileName,
  formatMonth,
  formatPeriod,
  ukToday,
} from '../../../../src-main/kernel/dates';
