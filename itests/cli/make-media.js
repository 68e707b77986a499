// Test media made on the spot: a 3 s 160x90 clip (YUV4MPEG2, a moving gradient) and a 320x180 red PNG.
// Usage: node make-media.js CLIP.y4m THUMB.png [SECONDS]  (3 s unless told)
const fs = require('fs'), zlib = require('zlib');
const [clip, thumb, seconds] = process.argv.slice(2);
const w = 160, h = 90, frames = 25 * (Number(seconds) || 3), parts = [Buffer.from(`YUV4MPEG2 W${w} H${h} F25:1 Ip A1:1 C420jpeg\n`)];
for (let f = 0; f < frames; f++) {
  const y = Buffer.alloc(w * h), c = Buffer.alloc(w * h / 2, 128);
  for (let i = 0; i < w * h; i++) y[i] = ((i % w) + (Math.floor(i / w)) + 3 * f) & 0xff;
  parts.push(Buffer.from('FRAME\n'), y, c);
}
fs.writeFileSync(clip, Buffer.concat(parts));
const pw = 320, ph = 180, raw = Buffer.alloc((pw * 3 + 1) * ph);
for (let r = 0; r < ph; r++) for (let x = 0; x < pw; x++) raw[r * (pw * 3 + 1) + 1 + x * 3] = 255;
const crcTable = Array.from({ length: 256 }, (_, n) => {   // zlib.crc32 needs Node 20.15+
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]), crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(pw, 0); ihdr.writeUInt32BE(ph, 4); ihdr[8] = 8; ihdr[9] = 2;
fs.writeFileSync(thumb, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
