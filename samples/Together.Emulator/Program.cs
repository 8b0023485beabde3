// Starts the Together emulator on its own; see EmulatorApp.RunAsync for the command line it understands.
return await Together.Emulator.EmulatorApp.RunAsync(args);
