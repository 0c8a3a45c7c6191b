/** Commands the native menu sends to the screen. */
export const menuCommands = [
  'open-workspace',
  'new-workspace',
  'open-demo',
  'print',
  'back',
  'forward',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
