// Tests (Node, priority 1): the pairing's CPace (extension/cpace.js, run by both the extension and the app)
// against the test vectors of draft-irtf-cfrg-cpace-21 for CPACE-RISTR255-SHA512 (appendix B.3): the string
// utilities, the generator, both shares, the shared point, the initiator-responder ISK, and the invalid points
// that must abort a run.
import { describe, expect, it } from 'vitest'
import { calculateGenerator, lvCat, scalarMultVfy, sampleScalar, startCpace } from '../../extension/cpace.js'

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'))
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const ascii = (text: string) => new TextEncoder().encode(text)

// Appendix B.3 (inputs, then outputs).
const PRS = ascii('Password')
const CI = hex('0a41696e69746961746f720a42726573706f6e646572')
const SID = hex('7e4b4791d6a8ef019b936c79fb7f2c57')
const YA = 'da3d23700a9e5699258aef94dc060dfda5ebb61f02a5ea77fad53f4ff0976d08'
const YB = 'd2316b454718c35362d83d69df6320f38578ed5984651435e2949762d900b80d'
const G = '5e25411ca1ad7c9debfd0b33ad987a95cefef2d3f15dcc8bd26415a5dfe2e15a'
const SHARE_A = '383a85dd236978f17f8c8545b50dabc52a39fcdab2cf8bc531ce040ff77ca82d'
const SHARE_B = 'a6206309c0e8e5f579295e35997ac4300ab3fecec3c17f7b604f3e698fa1383c'
const K = 'fa1d0318864e2cacb26875f1b791c9ae83204fe8359addb53e95a2e98893853f'
const ISK_IR = `e91ccb2c0f5e0d0993a33956e3be59754f3f2b07db57631f5394452ea2e7b435
  4674eb1f5686c078462bf83bec72e8743df440108e638f3526d9b90e85be096f`.replace(/\s/g, '')

describe('CPace, ristretto255 and SHA-512, as the draft gives it', () => {
  it('encodes lengths as the draft does (prepend_len, lv_cat)', () => {
    expect(toHex(lvCat(ascii('1234'), ascii('5'), ascii(''), ascii('6789')))).toBe(
      '04313233340135000436373839',
    )
    const long = Uint8Array.from({ length: 128 }, (_, i) => i)
    expect(toHex(lvCat(long)).slice(0, 8)).toBe('80010001')
  })

  it('derives the generator, the shares, the shared point and ISK of the vectors', async () => {
    expect(toHex((await calculateGenerator(PRS, CI, SID)).toBytes())).toBe(G)
    const a = await startCpace({
      prs: PRS,
      ci: CI,
      sid: SID,
      initiator: true,
      ad: ascii('ADa'),
      random: hex(YA),
    })
    const b = await startCpace({
      prs: PRS,
      ci: CI,
      sid: SID,
      initiator: false,
      ad: ascii('ADb'),
      random: hex(YB),
    })
    expect(toHex(a.share)).toBe(SHARE_A)
    expect(toHex(b.share)).toBe(SHARE_B)
    expect(toHex(scalarMultVfy(sampleScalar(hex(YA)), hex(SHARE_B)) ?? new Uint8Array())).toBe(K)
    const atA = await a.finish(b.share, ascii('ADb'))
    const atB = await b.finish(a.share, ascii('ADa'))
    expect(toHex(atA?.isk ?? new Uint8Array())).toBe(ISK_IR)
    expect(toHex(atB?.isk ?? new Uint8Array())).toBe(ISK_IR)
    // Each end's tag is the one the other expects, and not its own.
    expect(await atB?.theirTagIs(atA?.ourTag)).toBe(true)
    expect(await atA?.theirTagIs(atB?.ourTag)).toBe(true)
    expect(await atA?.theirTagIs(atA?.ourTag)).toBe(false)
  })

  it('aborts on a share that is no element or is the identity (the draft’s invalid inputs)', async () => {
    const s = sampleScalar(hex('7cd0e075fa7955ba52c02759a6c90dbbfc10e6d40aea8d283e407d88cf538a05'))
    expect(
      toHex(
        scalarMultVfy(s, hex('2c3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c')) ??
          new Uint8Array(),
      ),
    ).toBe('7c13645fe790a468f62c39beb7388e541d8405d1ade69d1778c5fe3e7f6b600e')
    const invalid = hex('2b3c6b8c4f3800e7aef6864025b4ed79bd599117e427c41bd47d93d654b4a51c')
    const identity = new Uint8Array(32)
    expect(scalarMultVfy(s, invalid)).toBeUndefined()
    expect(scalarMultVfy(s, identity)).toBeUndefined()
    expect(scalarMultVfy(s, new Uint8Array(31))).toBeUndefined()
    const run = await startCpace({ prs: PRS, ci: CI, sid: SID, initiator: true })
    expect(await run.finish(identity)).toBeUndefined()
    expect(await run.finish(invalid)).toBeUndefined()
  })
})
