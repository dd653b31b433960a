import type { CliCommand } from "./CliCommand";
import { workdaysCommand } from "./commands/workdaysCommand";
import { sampleCommand } from "./commands/sampleCommand";
import { checkCommand } from "./commands/checkCommand";
import { fixCommand } from "./commands/fixCommand";
import { revertCommand } from "./commands/revertCommand";
import { agendaCommand } from "./commands/agendaCommand";
import { statusCommand } from "./commands/statusCommand";
import { summaryCommand } from "./commands/summaryCommand";
import { compareCommand } from "./commands/compareCommand";
import { refreshCommand } from "./commands/refreshCommand";

/** Every subcommand, in the order `tracker --help` lists them. Listed by hand: bundlers cannot glob. */
export const cliCommands: readonly CliCommand[] = [
  workdaysCommand,
  sampleCommand,
  checkCommand,
  fixCommand,
  revertCommand,
  agendaCommand,
  statusCommand,
  summaryCommand,
  compareCommand,
  refreshCommand,
];
