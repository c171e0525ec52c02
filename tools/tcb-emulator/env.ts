// How each SDK is pointed at the emulator: init options for code that takes them, environment
// variables for unmodified code (the built bundles) that reads its settings as CloudBase sets them.

/** `tcb.init(...)` (node-sdk) and `cloud.init(...)` (wx-server-sdk passes it on to node-sdk) options. */
export function sdkConfig(url: string, envId: string) {
  // node-sdk src/cloudbase.ts init → normalizeConfig (src/utils/utils.ts): a secretId/secretKey pair
  // is required to sign; the emulator does not check signatures
  return { env: envId, serviceUrl: `${url}/admin`, secretId: 'emulator-secret-id', secretKey: 'emulator-secret-key' }
}

/**
 * The environment under which unmodified node-sdk / wx-server-sdk code reaches the emulator, as
 * a CloudBase function's does: TCB_CONTEXT_CNFG.URL is the request URL node-sdk's buildUrl
 * (src/utils/tcbapiendpoint.ts, getServerInjectUrl in src/utils/tcbcontext.ts) uses when init() has
 * no serviceUrl; TENCENTCLOUD_SECRETID/SECRETKEY are the credentials it signs with
 * (getCredentialsOnDemand in src/utils/tcbapirequester.ts); SCF_NAMESPACE names the current env
 * (getEnvIdFromContext); TENCENTCLOUD=true skips the metadata-server probe
 * (checkIsInTencentCloud in src/utils/cloudplatform.ts), which would otherwise go to the network.
 */
export function functionEnv(url: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'emulator-secret-id',
    TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
    SCF_NAMESPACE: envId,
    TENCENTCLOUD: 'true',
  }
}

/**
 * The environment under which @cloudbase/manager-node (and so `npm run provision`) talks to the
 * emulator: its CloudService posts the `tcb` service's actions to TCB_BASE_URL
 * (lib/utils/cloud-api-request.js); the TCB_* names are the ones scripts/provision.mjs reads.
 */
export function provisionEnv(url: string, envId: string): Record<string, string> {
  return { TCB_BASE_URL: `${url}/__tcb-api`, TCB_ENV_ID: envId, TCB_SECRET_ID: 'emulator-secret-id', TCB_SECRET_KEY: 'emulator-secret-key' }
}
