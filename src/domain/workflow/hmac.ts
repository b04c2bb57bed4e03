// HMAC-SHA256 computed in JavaScript (@noble/hashes), so sealing and verifying the approval log cost no service call
// per row. Byte for byte what Utilities.computeHmacSha256Signature(text, key, UTF_8) gave before, as 64 hex digits.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { HashFn } from "./chain";

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** UTF-8 bytes of a string (Apps Script has no TextEncoder); a lone surrogate becomes U+FFFD. */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
    } else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = text.charCodeAt(i + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          out[j++] = 0xf0 | (cp >> 18);
          out[j++] = 0x80 | ((cp >> 12) & 63);
          out[j++] = 0x80 | ((cp >> 6) & 63);
          out[j++] = 0x80 | (cp & 63);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, j);
}

/** HMAC-SHA256 of UTF-8 text under a UTF-8 key, as 64 lower-case hex digits. */
export function hmacSha256Hex(key: string, text: string): string {
  return hex(hmac(sha256, utf8(key), utf8(text)));
}

/** SHA-256 of UTF-8 text, as 64 hex digits (no key: a digest of content, not a seal). */
export function sha256Hex(text: string): string {
  return hex(sha256(utf8(text)));
}

/** The log's seal under a document secret; without a secret nothing verifies. */
export function keyedHash(secret: string | undefined): HashFn {
  if (!secret) return () => "";
  const key = utf8(secret);
  // One keyed instance, cloned per row: the key's pads are computed once per execution, not once per row.
  const base = hmac.create(sha256, key);
  return (text) => {
    const mac = base.clone();
    mac.update(utf8(text));
    return hex(mac.digest());
  };
}
