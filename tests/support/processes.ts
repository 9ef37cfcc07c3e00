import { readdirSync, readFileSync } from "node:fs";

export type ChildProcessInfo = { pid: number; state: string; command: string };

/** The direct children of a process, from /proc (Linux): pid, state (Z = zombie) and command. */
export function childProcesses(parent = process.pid): ChildProcessInfo[] {
  const children: ChildProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const [state, ppid] = stat.slice(close + 2).split(" ");
    if (Number(ppid) === parent)
      children.push({ pid: Number(entry), state: state!, command: stat.slice(stat.indexOf("(") + 1, close) });
  }
  return children;
}
