/**
 * Seals the GitHub access tokens Vahti keeps to refresh memberships: AES-256-GCM under a key
 * derived (HKDF-SHA256, RFC 5869) from the session secret, so a copy of the database alone
 * does not yield tokens that act on GitHub. Changing the session secret makes the sealed tokens
 * unreadable; their users' memberships then lapse until they log in again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens short secrets with one key. */
export class CredentialBox {
  readonly #key: Buffer;

  /** @param secret the server's session secret (at least 32 characters, checked by the config). */
  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'vahti', 'github-credential', 32));
  }

  /**
   * The sealed form of `plain`: `v1.<iv>.<ciphertext+tag>` in base64url, different every call.
   * O(length).
   *
   * @example box.open(box.seal('gho_abc')) // 'gho_abc'
   */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  /**
   * The plain text of a sealed value, or null when it was sealed under another key, altered, or
   * is not a sealed value at all. O(length).
   *
   * @example box.open('v1.garbage.garbage') // null
   */
  open(sealed: string): string | null {
    const [version, ivText, bodyText] = sealed.split('.');
    if (version !== VERSION || ivText === undefined || bodyText === undefined) return null;
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
