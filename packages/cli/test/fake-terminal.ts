// A stand-in for stderr that says it is (or is not) a terminal and keeps what a progress bar writes,
// for the progress-bar tests (cli-progress calls these methods on its stream).

/** A fake `NodeJS.WriteStream` of `columns` columns; `written` collects every chunk. */
export const fakeTerminal = (isTTY: boolean, columns = 80) => {
  const written: string[] = []
  const stream = {
    isTTY,
    columns,
    write: (chunk: string) => written.push(chunk) > 0,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  }
  return { stream: stream as unknown as NodeJS.WriteStream, written }
}
