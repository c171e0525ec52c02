// A form field whose value arrives before the field has drawn itself: React commits the value (the data
// came back, a default was filled in) while Taro's <taro-textarea-core> still waits for its first frame.
// Taro 4.2.1 then throws from its value watcher (`this.textareaRef` is not there yet) and logs a TypeError
// — a busy CI machine hit it (with <taro-input-core>) in the README walk. patches/@tarojs+components+4.2.1.patch
// skips the watcher until the first render, which writes the value itself; this journey fails (a console
// error) if the patch is not applied. The one-line Input is Taro's React component since
// h5.useHtmlComponents (config/index.ts): a plain <input> with no watcher; Textarea is still the web component.
import assert from 'node:assert/strict'

export default {
  name: 'form-fields',
  title: 'a field given its value before its first frame: no error, and it shows the value',
  async run(j) {
    const guest = await j.actor('guest')
    await guest.open('/pages/login/index')
    const shown = await guest.page.evaluate(async () => {
      const fields = ['taro-textarea-core'].map((tag) => {
        const field = document.createElement(tag)
        document.body.appendChild(field)
        // after the element has set itself up, before its render frame
        queueMicrotask(() => queueMicrotask(() => (field.value = '测试')))
        return field
      })
      await new Promise((ok) => setTimeout(ok, 300))
      const values = fields.map((f) => f.querySelector('textarea')?.value)
      for (const f of fields) f.remove()
      return values
    })
    assert.deepEqual(shown, ['测试'], 'the field shows the value it was given')
  },
}
