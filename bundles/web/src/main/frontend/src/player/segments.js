// Checks segments received from peers against the video's segments-sha256.json, which the instance computed when it
// transcoded: { "<media file>": { "<start>-<end>": "<sha256 hex>" } }, byte ranges inclusive as hls.js names them.
// A peer can send anything; only what matches the instance's hash is played.

/** Loads the hashes once and returns `validate(url, byteRange, data) -> Promise<boolean>`. */
export function segmentValidator(sha256Url, { onRejected } = {}) {
  let hashes = null;
  const load = () => {
    if (!hashes) {
      hashes = fetch(sha256Url, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`segments-sha256.json: ${r.status}`))))
        .catch((e) => { hashes = null; throw e; });
    }
    return hashes;
  };
  return async (url, byteRange, data) => {
    let ok = false;
    try {
      const expected = expectedHash(await load(), url, byteRange);
      ok = expected !== null && expected === (await sha256Hex(data));
    } catch (e) {
      ok = false; // no hashes (or no WebCrypto outside secure contexts): nothing from peers is trusted
    }
    if (!ok && onRejected) onRejected(url, byteRange);
    return ok;
  };
}

export function expectedHash(hashes, url, byteRange) {
  const file = decodeURIComponent(new URL(url, 'http://x/').pathname.split('/').pop());
  const ofFile = hashes && hashes[file];
  if (!ofFile) return null;
  if (byteRange) return ofFile[`${byteRange.start}-${byteRange.end}`] || null;
  const all = Object.values(ofFile);
  return all.length === 1 ? all[0] : null;
}

async function sha256Hex(data) {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
