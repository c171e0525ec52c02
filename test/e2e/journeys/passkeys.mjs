// 通行密钥 (issue 16): a self-hosted person signs in with their phone number and password, adds a passkey
// in 我的 → 通行密钥, signs out, and signs in with the passkey; removed, the passkey is refused — Chromium's
// virtual authenticator (CDP WebAuthn) stands in for the phone's fingerprint; the gateway is on
// localhost, where browsers allow it.
import assert from 'node:assert/strict'

const PASSKEYS = '/account/passkeys/index'
const PERSON = { id: 'u_lijg', name: '李建国', phone: '13800010002', password: '李建国的登录密码-2026' }

export default {
  name: 'passkeys',
  title: 'password sign-in, 我的 → 通行密钥 → 添加, sign out, 用通行密钥登录; removed, refused',
  async run(j) {
    j.requireScreens([PASSKEYS])

    // ---- staff invite 李建国; he sets his password with the link
    const staff = await j.api.login('u_linx')
    const invitation = await j.api.call(staff.token, 'accounts', 'invite', { userId: PERSON.id }, { mutate: true })
    await j.api.call(staff.token, 'accounts', 'acceptInvite', { token: invitation.token, password: PERSON.password }, { mutate: true })

    // ---- his phone, with a platform authenticator that verifies him (the fingerprint)
    const phone = await j.actor('phone')
    const cdp = await phone.context.newCDPSession(phone.page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    })

    // ---- the password door
    await phone.open('/pages/login/index')
    await phone.vis('.btn-passkey-sign-in').first().waitFor()
    await phone.fill('.input-login input', PERSON.phone)
    await phone.fill('.input-password input', PERSON.password)
    await phone.tap('.btn-sign-in')
    await phone.onRoute('/pages/index/index')
    await phone.waitText(`您好，${PERSON.name}`)
    await phone.toastGone()

    // ---- 我的 → 通行密钥 → 添加
    await phone.open('/pages/me/index')
    await phone.tap('.link-passkeys')
    await phone.onRoute(PASSKEYS)
    await phone.expectText(/还没有通行密钥/)
    await phone.tap('.btn-add-passkey')
    await phone.toast('已添加')
    await phone.expectText(/通行密钥 1[\s\S]*还没用过/, 10_000)
    await j.shot(phone, 'passkey-added')
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    assert.equal(credentials.length, 1, 'the authenticator holds one passkey')
    assert.ok(credentials[0].isResidentCredential, 'a discoverable passkey: no phone number needed to sign in')

    // ---- sign out; sign in with the passkey
    await phone.open('/pages/me/index')
    await phone.tap('.btn-logout')
    await phone.confirm('退出')
    await phone.onRoute('/pages/login/index')
    await j.shot(phone, 'login-with-passkey')
    await phone.tap('.btn-passkey-sign-in')
    await phone.onRoute('/pages/index/index')
    await phone.waitText(`您好，${PERSON.name}`)
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    assert.ok(after.credentials[0].signCount >= 1, 'the passkey signed the sign-in')

    // ---- the page shows it was used; removed, it no longer signs in (the phone still holds it)
    await phone.open(PASSKEYS)
    await phone.expectText(/通行密钥 1[\s\S]*用过/, 10_000)
    await j.shot(phone, 'passkey-used')
    await phone.tap('.btn-remove-passkey')
    await phone.confirm('删除')
    await phone.expectText(/还没有通行密钥/, 10_000)
    await phone.open('/pages/me/index')
    await phone.tap('.btn-logout')
    await phone.confirm('退出')
    await phone.onRoute('/pages/login/index')
    j.allow(401, /\/api\/accounts$/)
    await phone.tap('.btn-passkey-sign-in')
    await phone.toast('通行密钥不对')
    assert.match(decodeURIComponent(new URL(phone.page.url()).hash), /^#\/pages\/login\/index/, 'still on 登录')
  },
}
