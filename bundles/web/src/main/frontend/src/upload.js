// Resumable upload (PeerTube's /api/v1/videos/upload-resumable, the Google Drive protocol): one session, the file
// sent in chunks with Content-Range; after a failure the server says how much it has (308 + Range) and the upload
// goes on from there.
import { api, ApiError } from './api.js';

export const CHUNK = 8 * 1024 * 1024;
const RETRIES = 5;

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

/** Bytes the server holds after a 308: its Range header is `bytes=0-N`. */
export function receivedFrom(res) {
  const range = res.headers && res.headers.get('Range');
  const m = range && /bytes=0-(\d+)/.exec(range);
  return m ? Number(m[1]) + 1 : 0;
}

export class ResumableUpload {
  /**
   * @param file      the File
   * @param metadata  channelId, name, privacy... (filename is added)
   * @param onProgress (sentBytes, totalBytes)
   */
  constructor(file, metadata, onProgress) {
    this.file = file;
    this.metadata = { ...metadata, filename: file.name };
    this.onProgress = onProgress || (() => {});
    this.url = null;
    this.offset = 0;
    this.cancelled = false;
  }

  /** Starts or resumes; resolves to the created video ({ id, uuid, shortUUID }). */
  async run() {
    this.cancelled = false;
    if (!this.url) await this.open();
    for (let failures = 0; ;) {
      if (this.cancelled) throw new Error('Upload cancelled');
      const end = Math.min(this.offset + CHUNK, this.file.size);
      const base = this.offset;
      let res;
      try {
        res = await api('PUT', this.url, {
          raw: true,
          body: this.file.slice(base, end),
          headers: { 'Content-Range': `bytes ${base}-${end - 1}/${this.file.size}`, 'Content-Type': 'application/octet-stream' },
          onUploadProgress: (loaded) => this.onProgress(base + loaded, this.file.size),
        });
      } catch (e) {
        res = { status: 0, body: null };
      }
      if (res.status === 308) {
        this.offset = receivedFrom(res);
        this.onProgress(this.offset, this.file.size);
        // the server kept nothing of this chunk: treat as a failure so that a stuck session cannot loop forever
        if (this.offset <= base && ++failures > RETRIES) throw new Error('The server does not accept the upload\'s data');
        if (this.offset > base) failures = 0;
        continue;
      }
      if (res.status === 200 || res.status === 201) {
        this.onProgress(this.file.size, this.file.size);
        return res.body.video;
      }
      // the server refused (bad file, quota, moderation): no retry changes that
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        throw new ApiError(res.status, res.body);
      }
      if (++failures > RETRIES) {
        throw new ApiError(res.status, res.body || 'The upload was interrupted; you can resume it');
      }
      await wait(1000 * 2 ** (failures - 1));
      await this.askOffset();
    }
  }

  async open() {
    const res = await api('POST', '/api/v1/videos/upload-resumable', {
      raw: true,
      json: this.metadata,
      headers: { 'X-Upload-Content-Length': String(this.file.size), 'X-Upload-Content-Type': this.file.type || 'application/octet-stream' },
    });
    if (res.status !== 200 && res.status !== 201) throw new ApiError(res.status, res.body);
    const location = res.headers.get('Location');
    if (!location) throw new Error('The server did not open an upload session');
    const url = new URL(location, window.location.origin);
    this.url = url.pathname + url.search;   // same origin as the page, whatever public URL the server knows
    this.offset = 0;
  }

  /** Asks the server how much it holds (after a connection failure the last chunk may have landed or not). */
  async askOffset() {
    try {
      const res = await api('PUT', this.url, { raw: true, body: new Blob([]), headers: { 'Content-Range': `bytes */${this.file.size}` } });
      if (res.status === 308) this.offset = receivedFrom(res);
    } catch { /* unreachable again: the next chunk attempt tells */ }
  }

  async cancel() {
    this.cancelled = true;
    if (this.url) {
      const url = this.url;
      this.url = null;
      await api('DELETE', url).catch(() => {});
    }
  }
}
