// The CLI's input and output as arrays a test can read: commands run in-process (runCli/main with an Io)
// write their lines here instead of the terminal.

export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      stdin: process.stdin,
    },
  };
}
