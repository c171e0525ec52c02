// accounts.* — who the caller is.
import type { PostType, Role } from './enums'

export interface Me {
  id: string
  name: string
  roles: Role[]
  communityId: string
  communityName: string
  gridId: string | null
  gridName: string | null
  buildingName: string | null
  address: string | null
  phone: string | null
  member: {
    branch: string | null
    workUnit: string | null
    posts: PostType[]
    skills: string[]
  } | null
}

/** Local demo sign-in (GET /api/auth/demo-users). */
export interface DemoUser {
  id: string
  name: string
  roles: Role[]
  communityId: string
  communityName: string
  gridId?: string
}

/** accounts.listMembers (staff): who an order can be directed to. */
export interface MemberListItem {
  id: string
  name: string
  gridName: string | null
  posts: PostType[]
  skills: string[]
}
