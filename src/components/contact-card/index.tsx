// The resident's contact, shown only when the server sends it (staff, or the member holding the order).
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { OrderContact } from '@shared/orders'
import Btn from '../btn'
import { InfoRow } from '../order-info'

export default function ContactCard({ contact, title = '居民联系方式' }: { contact: OrderContact; title?: string }) {
  return (
    <View className="card contact-card">
      <View className="card__title">{title}</View>
      <InfoRow label="姓名" value={contact.name} />
      <InfoRow label="地址" value={contact.address} />
      <InfoRow label="电话" value={contact.phone} />
      {contact.phone && (
        <Btn
          block
          type="primary"
          className="btn-call"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: contact.phone }).catch(() => undefined)}
        >
          打电话给{contact.name}
        </Btn>
      )}
    </View>
  )
}
