import type { CliCommand } from "./CliCommand";
import { workdaysCommand } from "./commands/workdaysCommand";
import { sampleCommand } from "./commands/sampleCommand";
import { statusCommand } from "./commands/statusCommand";

/** Every subcommand, in the order `tracker --help` lists them. Listed by hand: bundlers cannot glob. */
export const cliCommands: readonly CliCommand[] = [workdaysCommand, sampleCommand, statusCommand];
