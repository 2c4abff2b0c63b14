/**
 * Encryption at rest: AES-256-GCM under a ring of versioned keys. The first key encrypts; every key
 * decrypts, so a new key can be put first and the old ones kept until `npm run keys:rotate` has
 * re-encrypted everything. Used for TOTP secrets, and meant for any other field to protect the same way.
 *
 * A ciphertext describes itself: `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url). The `v1:<keyId>` header
 * and the caller's optional associated data (e.g. the row it belongs to) are authenticated, so a value
 * edited or moved to another row fails to decrypt instead of decrypting to something else.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const CIPHERTEXT = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/;

/** The id under which the fixed development key encrypts. Never accepted in production. */
export const DEV_KEY_ID = 'dev';

/**
 * One key of the ring. The key bytes live in a private field: JSON.stringify, pino and util.inspect
 * show only the id, so a logged config never carries key material.
 */
export class EncryptionKey {
  readonly #material: Buffer;
  constructor(
    readonly id: string,
    material: Buffer,
  ) {
    if (!KEY_ID.test(id)) throw new Error('an encryption key id is 1–32 letters, digits, "_" or "-"');
    if (material.length !== KEY_BYTES) throw new Error(`an encryption key is ${KEY_BYTES} bytes`);
    this.#material = Buffer.from(material);
  }
  /** @internal the KeyRing's access to the bytes. */
  material(): Buffer {
    return this.#material;
  }
  toJSON() {
    return { id: this.id };
  }
}

/**
 * The development key: derived from a constant, so it protects nothing. It lets development, tests and
 * the demo run without configuration; production refuses to start with it.
 */
export const developmentKey = () =>
  new EncryptionKey(DEV_KEY_ID, createHash('sha256').update('TIPNet development key: NOT SECRET').digest());

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/**
 * Parses `id:base64,id:base64` (first = current). Returns the keys or the problems, which name entries
 * by position and id but never repeat key material.
 */
export function parseEncryptionKeys(text: string): { keys: EncryptionKey[]; problems: string[] } {
  const keys: EncryptionKey[] = [];
  const problems: string[] = [];
  const entries = text.split(',').map((e) => e.trim());
  for (const [i, entry] of entries.entries()) {
    const problem = (text: string) => problems.push(`entry ${i + 1}${text}`);
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problem(': expected "<id>:<base64 key>"');
      continue;
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    const bytes = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : null;
    if (!KEY_ID.test(id)) problem(': the id must be 1–32 letters, digits, "_" or "-"');
    else if (id === DEV_KEY_ID) problem(`: the id "${DEV_KEY_ID}" is reserved`);
    else if (keys.some((k) => k.id === id)) problem(`: the id "${id}" appears twice`);
    else if (!bytes || bytes.length !== KEY_BYTES)
      problem(` (${id}): the key must be base64 of exactly ${KEY_BYTES} random bytes`);
    else keys.push(new EncryptionKey(id, bytes));
  }
  return { keys, problems };
}

export class KeyRing {
  readonly #current: EncryptionKey;
  readonly #byId: Map<string, EncryptionKey>;

  /** `keys[0]` encrypts; all of them decrypt. */
  constructor(keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('a key ring needs at least one key');
    this.#current = keys[0]!;
    this.#byId = new Map();
    for (const key of keys) if (!this.#byId.has(key.id)) this.#byId.set(key.id, key);
  }

  get currentKeyId(): string {
    return this.#current.id;
  }

  get keyIds(): string[] {
    return [...this.#byId.keys()];
  }

  encrypt(plaintext: string, aad = ''): string {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'), aad);
  }

  /** Binary plaintext (a document photo) in the same text format as `encrypt`. */
  encryptBytes(plaintext: Uint8Array, aad = ''): string {
    const key = this.#current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.material(), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(key.id, aad));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}:${key.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The plaintext, given the same associated data as at encryption; throws DecryptionError otherwise. */
  decrypt(ciphertext: string, aad = ''): string {
    return this.decryptBytes(ciphertext, aad).toString('utf8');
  }

  /** The binary plaintext of `encryptBytes` (or `encrypt`); throws DecryptionError like `decrypt`. */
  decryptBytes(ciphertext: string, aad = ''): Buffer {
    const parsed = CIPHERTEXT.exec(ciphertext);
    if (!parsed) throw new DecryptionError('not a TIPNet ciphertext (expected v1:<keyId>:<iv>:<data>)');
    const [, keyId, ivText, bodyText] = parsed as unknown as [string, string, string, string];
    const key = this.#byId.get(keyId);
    if (!key)
      throw new DecryptionError(`encrypted under key "${keyId}", which is not in TIPNET_ENCRYPTION_KEYS`);
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new DecryptionError('malformed ciphertext');
    try {
      const decipher = createDecipheriv(ALGORITHM, key.material(), iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(keyId, aad));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptionError('ciphertext failed authentication: altered, moved, or under another key');
    }
  }

  /** Whether a stored value is in the ciphertext format (it may still fail to decrypt). */
  static isCiphertext(value: string): boolean {
    return value.startsWith(`${FORMAT}:`);
  }

  /** The key id a ciphertext names, or null for anything else. */
  static keyIdOf(value: string): string | null {
    return CIPHERTEXT.exec(value)?.[1] ?? null;
  }

  /** Whether a stored value should be rewritten: not encrypted yet, or not under the current key. */
  isStale(value: string): boolean {
    return KeyRing.keyIdOf(value) !== this.#current.id;
  }

  toJSON() {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }
}

const associatedData = (keyId: string, aad: string) => Buffer.from(`${FORMAT}:${keyId}\0${aad}`, 'utf8');
