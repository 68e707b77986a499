// A build-time fix for p2p-media-loader-core 2.3.1 (the newest release this build can get), applied to its prebuilt
// browser bundle as Vite reads it.
//
// The bug: our HLS segments are byte ranges of one fMP4 file. A request for such a segment knows its size from the
// start (end - start + 1), but Request.clearLoadedBytes() forgets it. After a peer's segment fails validation
// against segments-sha256.json the request is cleared, and every HTTP retry then fails its Content-Range check
// ("http-bytes-mismatch": the expected length is undefined), so the player stalls at that segment forever instead of
// falling back to the server. Clearing now restores the size the byte range gives, the state the constructor sets.
//
// The build fails if the code to patch is not found, so that a new version of the library is looked at again.
const TARGET = /p2p-media-loader-core[\\/]dist[\\/]p2p-media-loader-core\.es\.js$/;
const BUGGY = `clearLoadedBytes() {
		this._loadedBytes = 0;
		this.bytes = [];
		this._totalBytes = void 0;
		this.finalData = void 0;
	}`;
const FIXED = `clearLoadedBytes() {
		this._loadedBytes = 0;
		this.bytes = [];
		this._totalBytes = this.segment.byteRange
			? this.segment.byteRange.end - this.segment.byteRange.start + 1 : void 0;
		this.finalData = void 0;
	}`;

export function p2pmlByteRangeRetry() {
  let patched = false;
  return {
    name: 'vidiverse-p2pml-byte-range-retry',
    enforce: 'pre',
    transform(code, id) {
      if (!TARGET.test(id.split('?')[0])) return null;
      if (!code.includes(BUGGY)) {
        this.error('p2p-media-loader-core changed: Request.clearLoadedBytes() no longer matches the code that '
          + 'build/p2pml-byte-range-retry.js fixes; check whether the new version still needs the fix');
      }
      patched = true;
      return { code: code.replace(BUGGY, FIXED), map: null };
    },
    buildEnd(error) {
      if (!error && !patched) {
        this.error('p2p-media-loader-core was not found in the build: build/p2pml-byte-range-retry.js fixed nothing');
      }
    },
  };
}
