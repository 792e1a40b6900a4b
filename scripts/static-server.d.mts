// Types of static-server.mjs for the TypeScript tests.
export declare const MIME: Record<string, string>
export interface StaticServer {
  url: string
  requested: string[]
  close: () => Promise<void>
}
export declare function startStaticServer(options: {
  root: string
  port?: number
  headers?: Record<string, string>
  mime?: Record<string, string>
}): Promise<StaticServer>
