// The error every handler throws: the server answers it as `{ code, message, requestId }` with HTTP
// 200, which node-sdk's tcbapirequester.ts turns into a thrown TcbError of the same code.
export class TcbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}
