// Minimal typings for miniprogram-simulate 1.6.x (the package ships none; there is no @types package).
declare module 'miniprogram-simulate' {
  interface RootNode<D = Record<string, any>> {
    dom: HTMLElement | undefined
    data: D
    instance: Record<string, any> & { data: D; setData(d: Partial<D>, cb?: () => void): void }
    querySelector(selector: string): ChildNode | undefined
    querySelectorAll(selector: string): ChildNode[]
    setData(data: Partial<D>, cb?: () => void): void
    dispatchEvent(eventName: string, options?: Record<string, any>): void
    addEventListener(eventName: string, handler: (evt: any) => void): void
    removeEventListener(eventName: string, handler: (evt: any) => void): void
    triggerLifeTime(lifeTime: string, ...args: any[]): void
    triggerPageLifeTime(lifeTime: string, ...args: any[]): void
    attach(parent: Element): void
    detach(): void
    toJSON(): any
  }
  type ChildNode = RootNode
  interface LoadOptions {
    compiler?: 'official' | 'simulate'
    rootPath?: string
    less?: boolean
    usingComponents?: Record<string, string>
    compilerOptions?: Record<string, any>
  }
  const simulate: {
    load(componentPath: string | Record<string, any>, tagName?: string | LoadOptions, options?: LoadOptions): string
    render<D = Record<string, any>>(id: string, properties?: Record<string, any>): RootNode<D>
    match(dom: Element | undefined, html: string): boolean
    sleep(ms?: number): Promise<void>
    scroll(comp: RootNode, destOffset?: number, times?: number, propName?: string): void
    behavior(definition: Record<string, any>): string
  }

  export = simulate
}
