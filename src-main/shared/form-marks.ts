/**
 * The marks that make a PDF a witness testimony form the workbench made: a keyword in its
 * properties and a hidden field holding the form's id. The form's maker, its reader and the
 * record checker all look for the same marks.
 */
export const FORM_ID_FIELD = 'workbench-form';
export const FORM_KEYWORD = 'witness-testimony-form';
