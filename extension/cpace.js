// Extension (popup) and app (src/main/connector/signature.ts), one code for both ends of pairing (priority 1).
// CPace, the CFRG's balanced password-authenticated key exchange (draft-irtf-cfrg-cpace-21), suite
// CPACE-RISTR255-SHA512 in its initiator-responder form, with the explicit key confirmation the draft describes.
// Both ends hash the pairing code, the address called and a fresh session id to a generator of the group; each
// sends a fresh multiple of it, and the point both then compute, hashed with both shares, is the key. Someone who
// does not know the code — listening, or answering on the port in the app's place — can test one guess per run,
// online, and none offline: each guess needs a discrete logarithm. The group is @noble/curves' (noble.js);
// SHA-512 and HMAC are WebCrypto's, which Chromium, Firefox and Node all have. The draft's test vectors pin
// this code (test/connector/cpace.test.ts).
import { ristretto255, ristretto255_hasher } from './noble.js'

const encoder = new TextEncoder()
const DSI = encoder.encode('CPaceRistretto255')
const DSI_ISK = encoder.encode('CPaceRistretto255_ISK')
const DSI_MAC = encoder.encode('CPaceMac')
/** SHA-512's input block, which the generator string pads its first part to (H.s_in_bytes). */
const S_IN_BYTES = 128
const NOTHING = new Uint8Array(0)

const subtle = () => globalThis.crypto.subtle
const sha512 = async (bytes) => new Uint8Array(await subtle().digest('SHA-512', bytes))
const hmacKey = (raw, hash) =>
  subtle().importKey('raw', raw, { name: 'HMAC', hash }, false, ['sign', 'verify'])
const toHex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (text) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16))

export const concat = (...parts) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all
}

/** prepend_len: the length in LEB128, then the bytes. */
function prependLen(bytes) {
  const length = []
  let n = bytes.length
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0))
    n >>>= 7
  } while (n > 0)
  return concat(Uint8Array.from(length), bytes)
}

/** lv_cat: each part after its length, so no two lists of parts give the same bytes. */
export const lvCat = (...parts) => concat(...parts.map(prependLen))

/** G.calculate_generator(H, PRS, CI, sid): the generator string's SHA-512, mapped into the group. */
export async function calculateGenerator(prs, ci, sid) {
  const zpad = new Uint8Array(Math.max(0, S_IN_BYTES - 1 - prependLen(prs).length - prependLen(DSI).length))
  return ristretto255_hasher.deriveToCurve(await sha512(lvCat(DSI, prs, zpad, ci, sid)))
}

/**
 * G.sample_scalar(): 32 random bytes with the bits above 252 cleared, read little-endian, so below the group's
 * order. (Zero, at odds of 2^-252, makes noble throw: that pairing fails and the user tries again.)
 */
export function sampleScalar(random = globalThis.crypto.getRandomValues(new Uint8Array(32))) {
  const bytes = Uint8Array.from(random)
  bytes[31] &= 0x0f
  return bytes.reduceRight((y, b) => (y << 8n) | BigInt(b), 0n)
}

/** G.scalar_mult_vfy(y, X): y·X encoded, or undefined where the draft says abort (X no element, or y·X the identity). */
export function scalarMultVfy(y, encoded) {
  let point
  try {
    point = ristretto255.Point.fromBytes(encoded)
  } catch {
    return undefined
  }
  const k = point.multiply(y)
  return k.is0() ? undefined : k.toBytes()
}

/**
 * One end's run of CPace: its share, and `finish(theirShare)`, which gives the intermediate session key (ISK),
 * this end's confirmation tag and a check of the other end's — or undefined when the other share aborts the run.
 * The tags are HMAC-SHA-512 with mac_key = H("CPaceMac" || sid || ISK), each over the message its sender sent;
 * the initiator's message comes first in the transcript. `random` fixes the scalar (test vectors only).
 */
export async function startCpace({ prs, ci, sid, initiator, ad = NOTHING, random }) {
  const y = sampleScalar(random)
  const share = (await calculateGenerator(prs, ci, sid)).multiply(y).toBytes()
  return {
    share,
    async finish(theirShare, theirAd = NOTHING) {
      const k = scalarMultVfy(y, theirShare)
      if (!k) return undefined
      const ours = lvCat(share, ad)
      const theirs = lvCat(theirShare, theirAd)
      const transcript = initiator ? concat(ours, theirs) : concat(theirs, ours)
      const isk = await sha512(concat(lvCat(DSI_ISK, sid, k), transcript))
      const mac = await hmacKey(await sha512(concat(DSI_MAC, sid, isk)), 'SHA-512')
      return {
        isk,
        ourTag: toHex(new Uint8Array(await subtle().sign('HMAC', mac, ours))),
        /** Whether `tag` is the other end's, checked in constant time (WebCrypto's verify). */
        theirTagIs: async (tag) =>
          typeof tag === 'string' &&
          /^[a-f0-9]{128}$/.test(tag) &&
          subtle().verify('HMAC', mac, fromHex(tag), theirs),
      }
    },
  }
}

/**
 * Glossa's pairing, for either end: CPace with the code (normalized: 8 characters, upper case) as the password
 * and the address the extension called as the channel, so a run relayed to Glossa on another port fails. The
 * extension is the initiator and picks the session id. `finish` also gives the key both ends keep, derived from
 * ISK as the draft asks, never ISK itself.
 */
export async function pairingRun({ code, host, sid, initiator, random }) {
  const run = await startCpace({
    prs: encoder.encode(code),
    ci: lvCat(encoder.encode('glossa-pair'), encoder.encode(host)),
    sid,
    initiator,
    random,
  })
  return {
    share: run.share,
    async finish(theirShare) {
      const agreed = await run.finish(theirShare)
      if (!agreed) return undefined
      const keyed = await hmacKey(agreed.isk, 'SHA-256')
      const key = toHex(new Uint8Array(await subtle().sign('HMAC', keyed, encoder.encode('glossa-pair-key'))))
      return { key, ourTag: agreed.ourTag, theirTagIs: agreed.theirTagIs }
    },
  }
}
