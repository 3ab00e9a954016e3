// Every `ingot` subcommand, registered in the order `ingot --help` lists them. A new command is
// one new file in this folder plus one line here.
import type { Command } from 'commander';
import { registerInit } from './init.js';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerInit];
