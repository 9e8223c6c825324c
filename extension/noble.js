// Extension and app: the ristretto255 group CPace runs in (cpace.js), from @noble/curves — audited, and the
// only dependency the pairing has. Node (the app, the tests) resolves the package; the extension has no bundler,
// so the build replaces this file in out/extension/ with the same exports bundled into one module
// (scripts/build-extension.mjs).
export { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js'
