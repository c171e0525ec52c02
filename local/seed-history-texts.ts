// What the people of the demo history write: residents' needs by kind of service, members' close-out
// reports, residents' words when they rate, and the answers, visits and evaluations around them.
import type { OrderKind, PostType, Urgency } from '@shared/enums'

export interface Need {
  category: PostType
  kind: OrderKind
  title: string
  description: string
  urgency?: Urgency
  /** What the member writes when closing it (≥ 10 characters). */
  reports: string[]
}

export const NEEDS: Need[] = [
  {
    category: 'convenience',
    kind: 'service',
    title: '厨房水龙头一直滴水',
    description: '水龙头关不紧，一晚上能接半盆水，家里没有工具。',
    reports: ['换了一个新的阀芯，试了几次不再滴水，顺便把水管接口缠了生料带。', '拆开看是垫片老化，换了新垫片，已经关得紧了。'],
  },
  {
    category: 'convenience',
    kind: 'service',
    title: '卫生间灯不亮了',
    description: '灯泡换过还是不亮，可能是开关坏了，晚上上厕所不方便。',
    urgency: 'urgent',
    reports: ['查了是开关接触不良，换了新开关，灯已经亮了。', '换了一个节能灯座和灯泡，教了老人怎么看开关。'],
  },
  {
    category: 'convenience',
    kind: 'service',
    title: '帮忙修一下洗衣机',
    description: '洗衣机不脱水，一直响，想请懂行的党员看看。',
    reports: ['排水管里堵了硬币和线头，清理干净后脱水正常了。', '调平了洗衣机底脚，清了过滤网，试洗一次正常。'],
  },
  {
    category: 'convenience',
    kind: 'service',
    title: '门锁不好开',
    description: '钥匙插进去很难转动，担心哪天打不开门。',
    reports: ['给锁芯加了石墨粉，来回试了十几次，开关顺畅了。', '锁芯磨损，陪老人买了新锁芯并装好，留了两把备用钥匙在女儿家。'],
  },
  {
    category: 'elderly_child',
    kind: 'service',
    title: '陪老人去医院复查',
    description: '周三上午要去市第一医院复查血压，子女不在身边，想请人陪同。',
    reports: ['陪同挂号、排队、取药，医生说血压控制得不错，药按原方案吃。', '上午陪老人做完复查，把医嘱抄在纸上贴在冰箱上了。'],
  },
  {
    category: 'elderly_child',
    kind: 'service',
    title: '帮老人代买药品和菜',
    description: '腿脚不方便下楼，想请人帮忙买降压药和一周的菜。',
    reports: ['按清单买了降压药和蔬菜鸡蛋，小票和零钱都交给了老人。', '买好药和菜送上门，顺便帮忙把菜分装放进冰箱。'],
  },
  {
    category: 'elderly_child',
    kind: 'service',
    title: '孩子放学后没人接',
    description: '这周家长加班，想请人帮忙接一下二年级的孩子回家。',
    reports: ['按约定时间接到孩子送回家，交给了奶奶，路上很安全。', '接孩子回家并陪着写了半小时作业，家长回来后交接。'],
  },
  {
    category: 'care',
    kind: 'service',
    title: '想请人上门量量血压',
    description: '最近头晕，想请懂医护的党员上门量个血压看看。',
    reports: ['上门量了三次血压，平均 142/88，建议近期去社区卫生站复诊。', '量了血压和血糖，都在正常范围，讲了少盐饮食的注意事项。'],
  },
  {
    category: 'care',
    kind: 'service',
    title: '残疾人证年审不会办',
    description: '不知道年审要带哪些材料、去哪里办，想请人指导。',
    reports: ['帮忙整理好材料，陪同到区残联窗口办理，年审已通过。', '电话联系残联确认流程，手机上帮忙预约了办理时间。'],
  },
  {
    category: 'environment',
    kind: 'hazard',
    title: '楼道堆了很多杂物',
    description: '三楼楼道堆了纸箱和旧家具，挡住了消防通道。',
    reports: ['和住户沟通后一起清理了楼道杂物，消防通道已经畅通。', '清走了两车纸箱和旧家具，提醒住户不要再堆放。'],
  },
  {
    category: 'environment',
    kind: 'hazard',
    title: '小区里有个井盖松了',
    description: '5号楼门口的井盖踩上去会晃，晚上怕有人摔倒。',
    urgency: 'urgent',
    reports: ['设置了警示标志并联系物业，井盖已经重新固定好。', '现场围了警示带，物业维修后复查已经不晃了。'],
  },
  {
    category: 'environment',
    kind: 'service',
    title: '垃圾分类不会分',
    description: '家里老人分不清厨余和其他垃圾，想请人来讲讲。',
    reports: ['上门讲解了垃圾分类，贴了一张分类图在厨房门上。', '给老人做了分类示范，送了两个分类小桶。'],
  },
  {
    category: 'education',
    kind: 'service',
    title: '孩子数学作业辅导',
    description: '孩子上四年级，分数应用题总是不会，想请人辅导两次。',
    reports: ['辅导了两次分数应用题，孩子做对了练习册上的 8 道题。', '讲了画线段图的方法，孩子说现在能看懂题目了。'],
  },
  {
    category: 'education',
    kind: 'service',
    title: '想学用手机视频通话',
    description: '孙子在外地上学，想学会用微信视频，自己一个人不会弄。',
    reports: ['教会了老人用微信视频通话，现场和孙子视频了十分钟。', '把常用联系人设置成大字体，写了一张操作步骤卡片。'],
  },
  {
    category: 'self_governance',
    kind: 'service',
    title: '邻里之间噪音纠纷',
    description: '楼上晚上十一点以后还有很大动静，沟通了几次没用。',
    reports: ['分别和两家谈了话，约定晚上十点后不再挪动家具，双方都同意了。', '组织两户见面沟通，楼上铺了地垫，问题已经缓解。'],
  },
  {
    category: 'self_governance',
    kind: 'service',
    title: '楼栋电动车充电问题',
    description: '有人在楼道里给电动车充电，拉了很长的线，很危险。',
    reports: ['和车主沟通后拆除了飞线，告知了小区集中充电桩的位置。', '在楼道张贴了安全提示，和物业一起劝导了三户。'],
  },
  {
    category: 'targeted',
    kind: 'wish',
    title: '微心愿：想要一个助行器',
    description: '老人腿脚越来越不好，出门需要一个带座的助行器。',
    reports: ['联系爱心企业捐赠了一个带座助行器，送到家里并调好了高度。', '购买并送去了助行器，教老人正确使用的方法。'],
  },
  {
    category: 'targeted',
    kind: 'wish',
    title: '微心愿：孩子想要一套课外书',
    description: '孩子喜欢看书，家里困难，想要一套适合三年级的课外书。',
    reports: ['送去了一套十本的课外读物，孩子很高兴，约好读完再来换。', '和图书馆一起送了书，还办了一张借书证。'],
  },
  {
    category: 'targeted',
    kind: 'service',
    title: '低保材料不会准备',
    description: '低保复核要交材料，不知道要准备什么。',
    reports: ['帮忙列了材料清单，复印整理后陪同交到社区窗口。', '核对了收入证明和户口本，材料已经齐全交上去了。'],
  },
]

/** What a resident writes with a rating, by stars. */
export const COMMENTS: Record<number, string[]> = {
  5: ['非常感谢，来得很及时！', '党员同志很耐心，解决了大问题。', '服务特别好，给社区点赞！', '态度好，做事细致，谢谢！', ''],
  4: ['挺好的，就是等了一天。', '解决了，谢谢，下次希望早点来。', ''],
  3: ['问题解决了一半，还要再看看。', '还可以，沟通可以再多一些。'],
  2: ['来晚了，问题也没完全解决。', '不太满意，希望社区回访一下。'],
  1: ['等了好几天，问题还在。'],
}

/** What a resident says on the phone to the staff who confirm for them. */
export const RESIDENT_WORDS = ['电话里说已经弄好了，很满意。', '老人说弄好了，谢谢社区。', '上门回访时老人说挺好的。']

export const REJECT_REASONS = ['属于物业维修范围，已告知居民联系物业', '重复提交，已合并到之前的需求', '个人私事，不属于社区服务范围']
export const CANCEL_REASONS = ['家里人已经帮忙弄好了', '时间不合适，过几天再说', '自己找人修好了']
export const RELEASE_REASONS = ['单位临时加班，今天去不了，先退回让其他党员接', '家里有事，这周腾不出时间']
export const DISPUTE_REASONS = ['过了两天又开始滴水了', '灯还是时亮时不亮']

export const REFERRALS: Array<{ unitId: string; title: string; description: string; answer: string; category: PostType }> = [
  {
    unitId: 'un_hx_property',
    category: 'environment',
    title: '楼顶漏水，墙皮脱落',
    description: '下雨天顶楼卧室墙角渗水，墙皮已经掉了一块。',
    answer: '物业已上楼顶重新做了防水，墙面待干透后修补。',
  },
  {
    unitId: 'un_hx_water',
    category: 'convenience',
    title: '整栋楼水压很低',
    description: '早上用水高峰时，五楼以上基本没水。',
    answer: '供水公司检修了二次加压泵，水压已恢复正常。',
  },
  {
    unitId: 'un_hx_housing',
    category: 'self_governance',
    title: '加装电梯想了解政策',
    description: '楼里老人多，大家想加装电梯，不知道怎么申请。',
    answer: '住建局已将加装电梯的申请流程和补贴标准发给楼栋长，下周到楼栋宣讲。',
  },
  {
    unitId: 'un_hx_hospital',
    category: 'care',
    title: '想请医生上门做健康检查',
    description: '家里老人卧床，去医院不方便。',
    answer: '市第一医院家庭医生团队已上门体检，建立了健康档案。',
  },
]

export const REVISIT_NOTES = ['上门回访，问题已重新处理，老人表示满意。', '电话回访了解情况，已另派党员跟进。']

/** What a 网格员 finds on a visit. */
export const VISIT_FINDINGS = [
  '身体还好，按时吃药，家里干净整洁。',
  '老人精神不错，聊了半小时家常，提醒天冷注意保暖。',
  '冰箱里菜不多，已提醒子女周末送菜。',
  '最近睡眠不好，建议去社区卫生站看看。',
  '家里燃气报警器电池没电了，当场换了新电池。',
  '孩子学习有进步，家长说想要课外辅导。',
  '低保复核材料已经准备好，下周交到社区。',
  '轮椅刹车有点松，已登记需求。',
]

export const ACTIVITIES: Array<{ title: string; description: string; category: PostType; place: string; points: number }> = [
  { title: '周末环境清洁日', description: '清理小区公共区域的杂物和小广告。', category: 'environment', place: '红星社区广场', points: 10 },
  {
    title: '陪独居老人读报聊天',
    description: '两人一组上门看望独居老人。',
    category: 'elderly_child',
    place: '红星社区服务中心',
    points: 15,
  },
  { title: '义诊量血压', description: '和市第一医院的党员医生一起为居民量血压。', category: 'care', place: '社区卫生站门前', points: 10 },
  { title: '防诈骗宣传', description: '给老人讲最新的电信诈骗手法。', category: 'targeted', place: '社区活动室', points: 10 },
  { title: '四点半课堂', description: '陪孩子写作业、读绘本。', category: 'education', place: '社区图书角', points: 10 },
  { title: '家电义务维修', description: '小家电、水电的免费检修。', category: 'convenience', place: '红星社区广场', points: 15 },
  { title: '楼栋议事会', description: '和楼栋长一起商量楼道改造的事。', category: 'self_governance', place: '社区议事厅', points: 10 },
]

export const SELF_EVALUATIONS = [
  '这一年接了不少居民的需求，主要是陪老人看病和上门维修，也参加了周末的清洁日。不足是工作日时间少，响应慢了几次。',
  '全年坚持参加社区活动，认领的岗位都有服务记录。明年想多带几个年轻党员一起做。',
  '发挥专业特长为居民服务，居民评价不错。以后要更主动地关注独居老人。',
]
export const COMMUNITY_COMMENTS = ['服务及时，居民满意度高', '积极参加社区活动，起到了带头作用', '认真负责，有几次响应稍慢']
export const BRANCH_COMMENTS = ['在单位表现突出，双报到工作积极', '能把单位工作和社区服务结合起来', '按时报到，服务记录完整']
