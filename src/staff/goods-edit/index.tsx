// 上架新商品 / 编辑商品 (staff): name, picture, description, points price, stock (补货), per-member
// limit, on or off the shelf. Saving asks once.
import Taro, { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Goods } from '@shared/mall'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field, InputField, TextInput } from '@/components/field'
import PhotoPicker, { usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import { DetailPending } from '@/components/state'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { type GoodsInput, mallApi } from '@/services/mall'
import { photoSrc } from '@/services/transport'
import { back } from '@/utils/nav'
import './index.scss'
import { MALL_LIMITS as L } from '@shared/limits'

interface Form {
  name: string
  description: string
  price: string
  stock: string
  limit: string
  onShelf: 'on' | 'off'
}

const EMPTY: Form = { name: '', description: '', price: '', stock: '', limit: '1', onShelf: 'on' }

const intIn = (text: string, min: number, max: number) => {
  const n = Number(text.trim())
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

function formOf(g: Goods): Form {
  return {
    name: g.name,
    description: g.description,
    price: String(g.price),
    stock: String(g.stock),
    limit: String(g.limitPerMember),
    onShelf: g.onShelf ? 'on' : 'off',
  }
}

function Editor({ goods }: { goods: Goods | null }) {
  const [form, setForm] = useState<Form>(goods ? formOf(goods) : EMPTY)
  const [keepImage, setKeepImage] = useState(!!goods?.image)
  const photo = usePhotoPicker(1)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const save = useAction((rid: string, input: GoodsInput) => mallApi.upsertGoods(input, rid))

  const price = intIn(form.price, 1, 100000)
  const stock = intIn(form.stock, 0, 100000)
  const limit = intIn(form.limit, 1, 100)
  const name = form.name.trim()
  const errors = {
    name: name.trim().length < L.name.min ? `名称至少 ${L.name.min} 个字` : undefined,
    price: price === undefined ? '请填 1 到 100000 的整数' : undefined,
    stock: stock === undefined ? '请填 0 到 100000 的整数' : undefined,
    limit: limit === undefined ? '请填 1 到 100 的整数' : undefined,
  }
  const [tried, setTried] = useState(false)
  const show = (e: string | undefined) => (tried ? e : undefined)

  const submit = () => {
    setTried(true)
    if (photo.uploading) return toast('图片还在上传，请稍等')
    if (Object.values(errors).some(Boolean) || price === undefined || stock === undefined || limit === undefined)
      return toast('请按提示改一下')
    const newImage = photo.fileIds[0]
    const image = newImage ? { image: newImage } : goods?.image && !keepImage ? { image: null } : {}
    const input: GoodsInput = {
      ...(goods ? { id: goods.id } : {}),
      name,
      description: form.description.trim(),
      price,
      stock,
      limitPerMember: limit,
      onShelf: form.onShelf === 'on',
      ...image,
    }
    const what = goods ? `保存对「${name}」的修改？` : `上架「${name}」？${input.onShelf ? '党员马上就能兑换。' : '先放在下架状态。'}`
    void save.exec({ ask: what, confirmText: '保存', done: '已保存' }, input).then((saved) => {
      if (saved) setTimeout(back, 800)
    })
  }

  return (
    <Screen className="goods-edit">
      <Card>
        <InputField
          label="商品名称"
          error={show(errors.name)}
          className="input-goods-name"
          value={form.name}
          onChange={(v) => set({ name: v })}
          placeholder="例：东北大米 5 斤"
          maxLength={L.name.max}
        />
        <Field label="图片" hint="一张清楚的商品照片">
          {keepImage && goods?.image && photo.items.length === 0 ? (
            <View>
              <View className="goods-edit__current">
                <Image className="goods-edit__img" src={photoSrc(goods.image.url)} mode="aspectFill" />
              </View>
              <View className="goods-edit__pic-buttons">
                <Btn size="small" className="btn-goods-image-change" onClick={() => void photo.choose(['album', 'camera'])}>
                  换一张
                </Btn>
                <Btn size="small" type="danger" className="btn-goods-image-remove" onClick={() => setKeepImage(false)}>
                  去掉图片
                </Btn>
              </View>
            </View>
          ) : (
            <PhotoPicker picker={photo} addText="添加图片" />
          )}
        </Field>
        <AreaField
          label="介绍（可不填）"
          value={form.description}
          onChange={(v) => set({ description: v })}
          placeholder="例：社区超市提供，服务中心领取"
          maxLength={L.description.max}
          className="input-goods-desc"
        />
        <InputField
          label="所需积分"
          error={show(errors.price)}
          className="input-goods-price"
          type="number"
          value={form.price}
          onChange={(v) => set({ price: v })}
          placeholder="例：60"
          maxLength={6}
        />
        <Field label="库存（件）" error={show(errors.stock)} hint={goods ? `现有 ${goods.stock} 件；补货就把数字加上去` : undefined}>
          <TextInput
            className="input-goods-stock"
            type="number"
            value={form.stock}
            onChange={(v) => set({ stock: v })}
            placeholder="例：20"
            maxLength={6}
          />
          {goods && (
            <View className="goods-edit__restock">
              {[10, 20, 50].map((n) => (
                <Btn key={n} size="small" className={`btn-restock-${n}`} onClick={() => set({ stock: String((stock ?? 0) + n) })}>
                  补 {n} 件
                </Btn>
              ))}
            </View>
          )}
        </Field>
        <InputField
          label="每人最多换几件"
          error={show(errors.limit)}
          className="input-goods-limit"
          type="number"
          value={form.limit}
          onChange={(v) => set({ limit: v })}
          placeholder="例：2"
          maxLength={3}
        />
        <Field label="状态">
          <Chips
            className="chips-shelf"
            options={[
              { value: 'on', label: '上架' },
              { value: 'off', label: '下架' },
            ]}
            value={form.onShelf}
            onChange={(v) => set({ onShelf: v })}
          />
        </Field>
        <Btn block type="primary" size="large" className="btn-goods-save" loading={save.busy} onClick={submit}>
          {goods ? '保存' : '上架'}
        </Btn>
      </Card>
    </Screen>
  )
}

export default function GoodsEdit() {
  const id = useRouter().params.id ?? ''
  const goods = useRemote(async () => (await mallApi.listGoods(true)).find((g) => g.id === id) ?? null, [id], {
    skip: !id,
    refreshOnShow: false,
  })

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑商品' : '上架新商品' }).catch(() => undefined)
  }, [id])

  if (!id) return <Editor goods={null} />
  if (!goods.data) return <DetailPending of={goods} gone={!goods.loading && !goods.error} title="没有找到这件商品" rows={2} />
  return <Editor goods={goods.data} />
}
