// Shared set-up for the emulator tests: a spawned emulator and the real SDKs pointed at it.
import { type RunningEmulator, type StartOptions, startEmulator } from '../../tools/tcb-emulator/client'

// node-sdk probes a metadata server on the network unless told it runs on Tencent Cloud
// (src/utils/cloudplatform.ts checkIsInTencentCloud): never leave this machine
process.env.TENCENTCLOUD = 'true'

/** One emulator for a test file, stopped after it. */
export function emulatorForFile(options: StartOptions = {}): () => RunningEmulator {
  let emu: RunningEmulator | undefined
  beforeAll(async () => {
    emu = await startEmulator(options)
  }, 30_000)
  afterAll(async () => {
    await emu?.stop()
  })
  return () => {
    if (!emu) throw new Error('emulator not started')
    return emu
  }
}

/** A fresh @cloudbase/node-sdk app pointed at the emulator by its own `serviceUrl` option. */
export function nodeSdk(emu: RunningEmulator) {
  const tcb = require('@cloudbase/node-sdk')
  return tcb.init(emu.sdkConfig())
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
