/** node:zlib for just-bash's browser build: only gzip/gunzip/zcat use it, and the tabs do not. */
const unavailable = (): never => {
  throw new Error('gzip is not available in the browser runner');
};
export const gzipSync = unavailable;
export const gunzipSync = unavailable;
export const constants = {};
