// Everything behind /api and /upload: the operations and the domain code they load.
// The host imports this module on first use (and warms it right after it starts listening), so
// it can serve the screens and print its address before the domain code has loaded.
export { createDispatcher } from '../../api/dispatcher';
export { handleEvidenceFile, handleUpload } from './file-routes';
