/** Where the browser posts files: the host routes them without loading the domain code first. */
export const UPLOAD_PATH = '/upload/evidence';
export const WITNESS_UPLOAD_PATH = '/upload/witness-form';
export const CPD_UPLOAD_PATH = '/upload/cpd-evidence';
